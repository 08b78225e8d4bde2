package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.Territory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The national coordination's page: every territory, its departments and its coordination. */
@Named
@RequestScoped
public class TerritoriesBacking {

  @Inject Territories territories;
  @Inject Directory directory;

  private List<Territory> list;
  private Map<Long, Organisation> coordinations;

  @PostConstruct
  void load() {
    list = territories.all();
    coordinations =
        directory.coordinations().stream()
            .collect(Collectors.toMap(Organisation::id, Function.identity()));
  }

  public List<Territory> getTerritories() {
    return list;
  }

  public String departmentsOf(Territory t) {
    return String.join(", ", t.departments());
  }

  public String coordinationOf(Territory t) {
    Organisation c = t.coordinationId() == null ? null : coordinations.get(t.coordinationId());
    return c == null ? "" : c.name();
  }
}
