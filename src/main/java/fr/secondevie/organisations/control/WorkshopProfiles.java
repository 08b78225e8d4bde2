package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationAudit;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * A workshop's profile, by which pledged lots are routed to it: the categories it accepts and the
 * devices it takes in a month. The admin sets it for a workshop of its territory, a refurbisher for
 * its own workshop; any other organisation is not found.
 */
@ApplicationScoped
@Transactional
public class WorkshopProfiles {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;

  public Organisation set(long workshopId, Set<DeviceCategory> categories, Integer capacity) {
    Organisation workshop =
        reachable(workshopId).orElseThrow(() -> BusinessException.notFound("Organisation"));
    em.lock(workshop, LockModeType.PESSIMISTIC_WRITE);
    try {
      workshop.acceptsForWorkshop(categories, capacity);
    } catch (IllegalStateException e) {
      throw BusinessException.unprocessable("NOT_A_WORKSHOP", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid("categories", e.getMessage());
    }
    audit.record(
        OrganisationAudit.WORKSHOP_PROFILE_SET,
        "Organisation",
        workshopId,
        workshop.acceptedCategories() + ", " + capacity + " a month");
    return workshop;
  }

  /** The workshop as the caller may see it: its own, or one of the admin's territory. */
  public Optional<Organisation> reachable(long workshopId) {
    if (caller.hasRole(Roles.ADMIN)) {
      return directory.findOrganisationInTerritory(workshopId, caller.territoryId());
    }
    if (caller.hasRole(Roles.REFURBISHER) && caller.organisationId() == workshopId) {
      return directory.findOrganisation(workshopId);
    }
    return Optional.empty();
  }
}
