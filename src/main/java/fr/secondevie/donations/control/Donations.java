package fr.secondevie.donations.control;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationAudit;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.donations.entity.DonationStatus;
import fr.secondevie.donations.entity.LotPledged;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of donations, one transaction each: a donor pledges a lot (routed at once to a
 * workshop, {@link LotPledged}), the workshop it is assigned to receives it, the coordination
 * assigns the lots no workshop fits; reads are scoped by the caller in the query (a donor sees its
 * own company's donations, a refurbisher the lots assigned to its workshop, the admin its
 * territory's). In {@code control} because devices (the workshop's reception page, a donation's
 * trace) call it too: a capability joins another through its control beans, never its boundary.
 */
@ApplicationScoped
@Transactional
public class Donations {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject Event<LotPledged> pledged;

  public Donation pledge(List<DonationItem> items, String pickupAddress, LocalDate availableFrom) {
    requireRole(Roles.DONOR);
    Donation donation =
        new Donation(
            directory.getOrganisation(caller.organisationId()),
            items,
            pickupAddress,
            availableFrom,
            caller.username(),
            LocalDateTime.now(clock));
    pledged.fire(new LotPledged(donation));
    em.persist(donation);
    em.flush();
    audit.record(
        DonationAudit.DONATION_PLEDGED,
        "Donation",
        donation.id(),
        donation.pledgedQuantity() + " devices, " + donation.totalValue());
    return donation;
  }

  /**
   * The workshop has the lot in hand. The donation's row is locked first, so that receptions at
   * once run one after the other: the first receives it, the others find it received and answer the
   * same. Only the workshop the lot is assigned to receives it; for any other it is not found.
   */
  public Donation receive(long id) {
    requireRole(Roles.REFURBISHER);
    Donation donation = get(id);
    em.refresh(donation, LockModeType.PESSIMISTIC_WRITE);
    if (donation.workshop() == null || donation.workshop().id() != caller.organisationId()) {
      throw BusinessException.notFound("Donation"); // given to another workshop meanwhile
    }
    if (donation.receive(LocalDateTime.now(clock))) {
      audit.record(DonationAudit.DONATION_RECEIVED, "Donation", id, null);
    }
    return donation;
  }

  /**
   * The coordination gives a lot to a workshop of its territory (a lot no workshop fits, or one to
   * move before it is collected). Another territory's lot or workshop is not found.
   */
  public Donation assign(long id, long workshopId) {
    requireRole(Roles.ADMIN);
    Donation donation = get(id);
    em.refresh(donation, LockModeType.PESSIMISTIC_WRITE);
    Organisation workshop =
        directory
            .findOrganisationInTerritory(workshopId, caller.territoryId())
            .filter(o -> o.kind() == OrganisationKind.REFURBISHER)
            .orElseThrow(() -> BusinessException.notFound("Workshop"));
    donation.assignTo(workshop, LocalDateTime.now(clock));
    audit.record(DonationAudit.DONATION_ASSIGNED, "Donation", id, "workshop " + workshopId);
    return donation;
  }

  /** The lots of the admin's territory that no workshop took at the pledge, oldest first. */
  public List<Donation> unassigned() {
    requireRole(Roles.ADMIN);
    return em.createNamedQuery("Donation.findUnassigned", Donation.class)
        .setParameter("status", DonationStatus.PLEDGED)
        .setParameter("territory", caller.territoryId())
        .setHint("eclipselink.batch", "d.items")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList();
  }

  /**
   * The donations the caller may see, newest first (oldest first of one status): the admin its
   * territory's, a refurbisher the lots assigned to its workshop, a donor its company's.
   */
  public List<Donation> visible(DonationStatus status) {
    Optional<Scope> scope = scope();
    if (scope.isEmpty()) {
      return List.of();
    }
    List<Donation> donations =
        em.createNamedQuery("Donation.findOf" + scope.get().name(), Donation.class)
            .setParameter("scope", scope.get().id())
            .setParameter(
                "statuses",
                status == null ? EnumSet.allOf(DonationStatus.class) : EnumSet.of(status))
            .setHint("eclipselink.batch", "d.items")
            .setHint("eclipselink.batch.type", "IN")
            .getResultList();
    if (status == null) {
      return donations;
    }
    List<Donation> oldestFirst = new ArrayList<>(donations);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** One donation the caller may see; any other is "not found". */
  public Donation get(long id) {
    return find(id).orElseThrow(() -> BusinessException.notFound("Donation"));
  }

  public Optional<Donation> find(long id) {
    Optional<Scope> scope = scope();
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    String query = "Donation.findOneOf" + scope.get().name();
    return em.createNamedQuery(query, Donation.class)
        .setParameter("id", id)
        .setParameter(scope.get().name().equals("Donor") ? "donor" : "scope", scope.get().id())
        .getResultStream()
        .findFirst();
  }

  /** Whose donations the caller sees: a territory's, a workshop's or a company's. */
  private record Scope(String name, long id) {}

  private Optional<Scope> scope() {
    if (caller.hasRole(Roles.ADMIN)) {
      return Optional.of(new Scope("Territory", caller.territoryId()));
    }
    if (caller.hasRole(Roles.REFURBISHER)) {
      return Optional.of(new Scope("Workshop", caller.organisationId()));
    }
    if (caller.hasRole(Roles.DONOR)) {
      return Optional.of(new Scope("Donor", caller.organisationId()));
    }
    return Optional.empty();
  }

  private void requireRole(String role) {
    if (!caller.hasRole(role)) {
      throw new BusinessException(403, "FORBIDDEN", "Your role does not allow this operation");
    }
  }
}
