package fr.secondevie.donations.boundary;

import fr.secondevie.donations.control.Donations;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The coordination's page of the lots no workshop fits (no workshop of the territory accepts every
 * category of the lot): it gives each to a workshop of its territory; beside them, the workshops'
 * profiles.
 */
@Named
@RequestScoped
public class RoutingBacking {

  @Inject Donations donations;
  @Inject Directory directory;
  @Inject Caller caller;

  private List<Donation> unassigned;
  private List<Organisation> workshops;
  private Long donation;
  private Long workshop;

  @PostConstruct
  void load() {
    unassigned = donations.unassigned();
    workshops =
        directory.organisationsOfKindInTerritory(
            OrganisationKind.REFURBISHER, caller.territoryId());
  }

  public String assign() {
    if (donation == null || workshop == null) {
      PageMessages.refused(
          new BusinessException(400, "INVALID_INPUT", PageMessages.text("routing.choose")));
      return null;
    }
    try {
      Donation assigned = donations.assign(donation, workshop);
      PageMessages.info("routing.assigned", assigned.id(), assigned.workshop().name());
      PageMessages.keepForRedirect();
      return "/app/admin/routing.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public List<Donation> getUnassigned() {
    return unassigned;
  }

  public List<Organisation> getWorkshops() {
    return workshops;
  }

  /** "2 × LAPTOP, 1 × SCREEN": what the lot holds, for choosing its workshop. */
  public String contents(Donation d) {
    return String.join(
        ", ",
        d.items().stream()
            .map(i -> i.quantity() + " × " + PageMessages.text("category." + i.category().name()))
            .toList());
  }

  public Long getDonation() {
    return donation;
  }

  public void setDonation(Long donation) {
    this.donation = donation;
  }

  public Long getWorkshop() {
    return workshop;
  }

  public void setWorkshop(Long workshop) {
    this.workshop = workshop;
  }
}
