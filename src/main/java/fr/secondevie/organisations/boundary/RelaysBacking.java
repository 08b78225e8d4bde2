package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.organisations.entity.Organisation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/**
 * The public page of the relays, their address, opening hours and mediation services; with a postal
 * code ({@code ?cp=80000}), the relays of its department.
 */
@Named
@RequestScoped
public class RelaysBacking {

  @Inject Relays relays;

  private List<Organisation> relayList;
  private Map<Long, List<MediationService>> services;

  @Inject HttpServletRequest request;

  private String postalCode;
  private boolean postalCodeInvalid;
  private boolean noneNearby;

  @PostConstruct
  void load() {
    FacesContext.getCurrentInstance().getViewRoot().setTransient(true);
    relayList = relays.all();
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
    String department = departmentOf(postalCode);
    List<Organisation> nearby =
        relayList.stream()
            .filter(r -> r.postalCode() != null && departmentOf(r.postalCode()).equals(department))
            .toList();
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
    String code = postalCode.strip();
    if (code.length() < 3) {
      return code;
    }
    return code.startsWith("97") || code.startsWith("98")
        ? code.substring(0, 3)
        : code.substring(0, 2);
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
