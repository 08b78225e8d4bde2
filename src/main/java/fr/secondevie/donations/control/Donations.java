package fr.secondevie.donations.control;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationAudit;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.donations.entity.DonationStatus;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of donations, one transaction each: a donor pledges a lot, a refurbisher receives
 * it; reads are scoped by the caller's organisation in the query (a donor sees its own company's
 * donations only; refurbisher and admin see all). In {@code control} because devices (the
 * workshop's reception page, a donation's trace) call it too: a capability joins another through
 * its control beans, never its boundary.
 */
@ApplicationScoped
@Transactional
public class Donations {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

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
   * same.
   */
  public Donation receive(long id) {
    requireRole(Roles.REFURBISHER);
    Donation donation = em.find(Donation.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (donation == null) {
      throw BusinessException.notFound("Donation");
    }
    if (donation.receive(LocalDateTime.now(clock))) {
      audit.record(DonationAudit.DONATION_RECEIVED, "Donation", id, null);
    }
    return donation;
  }

  /** The donations the caller may see, newest first, optionally of one status. */
  public List<Donation> visible(DonationStatus status) {
    TypedQuery<Donation> query;
    if (seesAll()) {
      query =
          status == null
              ? em.createNamedQuery("Donation.findAll", Donation.class)
              : em.createNamedQuery("Donation.findByStatus", Donation.class)
                  .setParameter("status", status);
    } else if (caller.hasRole(Roles.DONOR)) {
      query =
          em.createNamedQuery("Donation.findOfDonor", Donation.class)
              .setParameter("donor", caller.organisationId());
    } else {
      return List.of();
    }
    List<Donation> donations =
        query
            .setHint("eclipselink.batch", "d.items")
            .setHint("eclipselink.batch.type", "IN")
            .getResultList();
    return status == null
        ? donations
        : donations.stream().filter(d -> d.status() == status).toList();
  }

  /** One donation the caller may see; another company's is "not found". */
  public Donation get(long id) {
    return find(id).orElseThrow(() -> BusinessException.notFound("Donation"));
  }

  public Optional<Donation> find(long id) {
    if (seesAll()) {
      return Optional.ofNullable(em.find(Donation.class, id));
    }
    if (!caller.hasRole(Roles.DONOR)) {
      return Optional.empty();
    }
    return em.createNamedQuery("Donation.findOneOfDonor", Donation.class)
        .setParameter("id", id)
        .setParameter("donor", caller.organisationId())
        .getResultStream()
        .findFirst();
  }

  private boolean seesAll() {
    return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.REFURBISHER);
  }

  private void requireRole(String role) {
    if (!caller.hasRole(role)) {
      throw new BusinessException(403, "FORBIDDEN", "Your role does not allow this operation");
    }
  }
}
