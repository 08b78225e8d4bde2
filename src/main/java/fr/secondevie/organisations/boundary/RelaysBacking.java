package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.Territory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public page of the relays, their address, opening hours and mediation services, of one
 * territory ({@code ?territory=HDF}) or all; with a postal code ({@code ?cp=80000}), the relays of
 * its department, whatever their territory.
 */
@Named
@RequestScoped
public class RelaysBacking {

  @Inject Relays relays;
  @Inject Territories territories;

  private List<Territory> territoryList;
  private Optional<Territory> territory;

  private List<Organisation> relayList;
  private Map<Long, List<MediationService>> services;

  @Inject HttpServletRequest request;

  private String postalCode;
  private boolean postalCodeInvalid;
  private boolean noneNearby;

  @PostConstruct
  void load() {
    FacesContext.getCurrentInstance().getViewRoot().setTransient(true);
    territoryList = territories.forPages();
    String chosen = request.getParameter("territory");
    territory =
        territoryList.stream()
            .filter(t -> t.code().equalsIgnoreCase(chosen == null ? "" : chosen.strip()))
            .findFirst();
    relayList = relays.of(territory);
    services = relays.servicesByRelay();
    String typed = request.getParameter("cp");
    if (typed == null || typed.isBlank()) {
      return;
    }
    postalCode = typed.strip();
    if (!postalCode.matches("\\d{5}")) {
      postalCodeInvalid = true;
      return;
    }
    List<Organisation> nearby = relays.ofDepartment(postalCode);
    noneNearby = nearby.isEmpty();
    if (!noneNearby) {
      relayList = nearby;
    }
  }

  /**
   * The department a postal code belongs to: its first two digits, three overseas (971 to 989);
   * Corsica's 2A and 2B share "20".
   */
  static String departmentOf(String postalCode) {
    return Territory.departmentOf(postalCode);
  }

  public List<Territory> getTerritories() {
    return territoryList;
  }

  /** The code of the territory chosen, empty for all. */
  public String getTerritory() {
    return territory.map(Territory::code).orElse("");
  }

  public List<Organisation> getRelays() {
    return relayList;
  }

  /** The postal code typed, to show it again in the field. */
  public String getPostalCode() {
    return postalCode;
  }

  public boolean isPostalCodeInvalid() {
    return postalCodeInvalid;
  }

  /** A valid postal code with no relay in its department: every relay is listed instead. */
  public boolean isNoneNearby() {
    return noneNearby;
  }

  /** Whether the list is narrowed to the postal code's department. */
  public boolean isNearby() {
    return postalCode != null && !postalCodeInvalid && !noneNearby;
  }

  public String getDepartment() {
    return postalCode == null ? "" : departmentOf(postalCode);
  }

  public List<MediationService> servicesOf(Organisation relay) {
    return services.getOrDefault(relay.id(), List.of());
  }
}
