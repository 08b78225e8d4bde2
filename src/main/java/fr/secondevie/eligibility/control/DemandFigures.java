package fr.secondevie.eligibility.control;

import fr.secondevie.eligibility.entity.EligibilityDecision;
import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demand side of a territory's figures (the dashboard of issue 18 reads it): the people whose
 * needs its social structures diagnosed in a period, how many of them were found eligible, how many
 * were equipped (a device sold against their quota after the diagnosis) and how many still wait, by
 * the device category advised, with the median wait from diagnosis to device. Counted from {@code
 * beneficiary_need} (which keeps its category and days after anonymisation) and the decisions;
 * nothing about any person leaves.
 */
@ApplicationScoped
public class DemandFigures {

  /**
   * The figures of one category, or of all ({@code category} null in {@link Demand#total}).
   *
   * @param diagnosed people diagnosed in the period
   * @param eligible of them, those found eligible before the period's end (revoked later or not)
   * @param equipped of them, those equipped after their diagnosis and before the period's end
   * @param waiting eligible and not yet equipped at the period's end
   * @param medianWaitDays the median of the days from diagnosis to device of the equipped, null
   *     when none was
   */
  public record Figures(
      DeviceCategory category,
      int diagnosed,
      int eligible,
      int equipped,
      int waiting,
      Double medianWaitDays) {}

  /** All of them, and per category advised (only the categories someone was advised). */
  public record Demand(Figures total, List<Figures> byCategory) {}

  @PersistenceContext EntityManager em;

  /**
   * The demand of the territory's social structures for the people diagnosed from {@code from}
   * (included) to {@code to} (excluded), as it stood at {@code to} (or now, if earlier).
   */
  public Demand of(long territoryId, LocalDateTime from, LocalDateTime to) {
    List<Object[]> needs =
        em.createQuery(
                "select n.beneficiaryId, n.recommendedCategory, n.diagnosedAt, n.equippedAt"
                    + " from BeneficiaryNeed n, Beneficiary b where b.id = n.beneficiaryId"
                    + " and n.diagnosedAt >= :from and n.diagnosedAt < :to"
                    + " and b.socialStructureId in"
                    + " (select o.id from Organisation o where o.territoryId = :territory)",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("territory", territoryId)
            .getResultList();
    Set<String> foundEligible =
        new HashSet<>(
            em.createQuery(
                    "select distinct d.beneficiary.id from EligibilityDecision d, BeneficiaryNeed n"
                        + " where n.beneficiaryId = d.beneficiary.id and d.decision = :eligible"
                        + " and d.decidedAt < :to and n.diagnosedAt >= :from"
                        + " and n.diagnosedAt < :to and d.beneficiary.socialStructureId in"
                        + " (select o.id from Organisation o where o.territoryId = :territory)",
                    String.class)
                .setParameter("eligible", EligibilityDecision.Outcome.ELIGIBLE)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("territory", territoryId)
                .getResultList());
    return tally(
        needs.stream()
            .map(
                row ->
                    new Need(
                        (String) row[0],
                        (DeviceCategory) row[1],
                        (LocalDateTime) row[2],
                        (LocalDateTime) row[3]))
            .toList(),
        foundEligible,
        to);
  }

  /** A person's diagnosis as the figures count it. */
  record Need(
      String beneficiaryId,
      DeviceCategory category,
      LocalDateTime diagnosedAt,
      LocalDateTime equippedAt) {}

  /** The figures of these diagnoses, given who was found eligible, as they stood at {@code to}. */
  static Demand tally(List<Need> needs, Set<String> foundEligible, LocalDateTime to) {
    Tally total = new Tally();
    Map<DeviceCategory, Tally> byCategory = new EnumMap<>(DeviceCategory.class);
    for (Need need : needs) {
      boolean eligible = foundEligible.contains(need.beneficiaryId());
      boolean equipped = need.equippedAt() != null && need.equippedAt().isBefore(to);
      Double waitDays =
          equipped
              ? Duration.between(need.diagnosedAt(), need.equippedAt()).toMinutes() / 1440.0
              : null;
      total.add(eligible, equipped, waitDays);
      if (need.category() != null) {
        byCategory
            .computeIfAbsent(need.category(), c -> new Tally())
            .add(eligible, equipped, waitDays);
      }
    }
    List<Figures> categories = new ArrayList<>();
    byCategory.forEach((category, tally) -> categories.add(tally.figures(category)));
    return new Demand(total.figures(null), categories);
  }

  private static final class Tally {
    int diagnosed;
    int eligible;
    int equipped;
    int waiting;
    final List<Double> waits = new ArrayList<>();

    void add(boolean isEligible, boolean isEquipped, Double waitDays) {
      diagnosed++;
      if (isEligible) {
        eligible++;
      }
      if (isEquipped) {
        equipped++;
        waits.add(waitDays);
      } else if (isEligible) {
        waiting++;
      }
    }

    Figures figures(DeviceCategory category) {
      return new Figures(category, diagnosed, eligible, equipped, waiting, median(waits));
    }
  }

  /** The median of the values, the mean of the middle two for an even count; null when none. */
  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
