package fr.secondevie.devices.control;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.donations.entity.LotPledged;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Routes each pledged lot, in the pledge's transaction, to a workshop of the donor's territory that
 * accepts every category of the lot: the one with the most capacity left this month (its monthly
 * capacity less the devices it took in since the first of the month; a workshop whose capacity is
 * not said comes first), the oldest workshop on a tie. One query reads the candidates and what each
 * took in; no workshop fits, and the lot waits for the coordination to assign it. Here, beside the
 * devices, because what a workshop took in is counted in devices.
 */
@ApplicationScoped
public class LotRouting {

  /** A workshop that fits the lot and what it has left this month ({@code null}: no limit). */
  record Candidate(Organisation workshop, Long left) {}

  static final Comparator<Candidate> MOST_LEFT_FIRST =
      Comparator.comparing(
              (Candidate c) -> c.left() == null ? Long.MAX_VALUE : c.left(),
              Comparator.reverseOrder())
          .thenComparing(c -> c.workshop().id());

  private static final String CANDIDATES =
      "select o, (select count(d) from Device d where d.donation.workshop = o"
          + " and d.receivedAt >= :monthStart)"
          + " from Organisation o where o.kind = :kind and o.territoryId = :territory"
          + " and (select count(c) from Organisation w join w.acceptedCategories c"
          + " where w = o and c in :categories) = :count";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  void route(@Observes LotPledged pledged) {
    Donation donation = pledged.donation();
    workshopFor(donation).ifPresent(w -> donation.assignTo(w, LocalDateTime.now(clock)));
  }

  Optional<Organisation> workshopFor(Donation donation) {
    Set<DeviceCategory> categories = EnumSet.noneOf(DeviceCategory.class);
    donation.items().stream().map(DonationItem::category).forEach(categories::add);
    LocalDateTime monthStart = YearMonth.now(clock).atDay(1).atStartOfDay();
    List<Object[]> rows =
        em.createQuery(CANDIDATES, Object[].class)
            .setParameter("monthStart", monthStart)
            .setParameter("kind", OrganisationKind.REFURBISHER)
            .setParameter("territory", donation.donor().territoryId())
            .setParameter("categories", categories)
            .setParameter("count", (long) categories.size())
            .getResultList();
    return rows.stream()
        .map(row -> candidate((Organisation) row[0], ((Number) row[1]).longValue()))
        .min(MOST_LEFT_FIRST)
        .map(Candidate::workshop);
  }

  static Candidate candidate(Organisation workshop, long takenIn) {
    Integer capacity = workshop.monthlyCapacity();
    return new Candidate(workshop, capacity == null ? null : capacity - takenIn);
  }
}
