package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.organisations.entity.Organisation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The public page of the relays, their address, opening hours and mediation services. */
@Named
@RequestScoped
public class RelaysBacking {

  @Inject Relays relays;

  private List<Organisation> relayList;
  private Map<Long, List<MediationService>> services;

  @PostConstruct
  void load() {
    FacesContext.getCurrentInstance().getViewRoot().setTransient(true);
    relayList = relays.all();
    services = relays.servicesByRelay();
  }

  public List<Organisation> getRelays() {
    return relayList;
  }

  public List<MediationService> servicesOf(Organisation relay) {
    return services.getOrDefault(relay.id(), List.of());
  }
}
