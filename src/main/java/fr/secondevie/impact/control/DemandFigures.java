package fr.secondevie.impact.control;

import fr.secondevie.platform.entity.DeviceCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demand side of a territory's year, from three lists of facts (no database here, so the rules
 * are tested alone):
 *
 * <ul>
 *   <li>needs: a person's need of equipment, diagnosed on a day, of a recommended category (or none
 *       stated);
 *   <li>decisions: the eligibility decisions (eligible, refused, revoked, with the day the
 *       eligibility ends);
 *   <li>equipment: each device a person was equipped with, and when.
 * </ul>
 *
 * <p>People <em>diagnosed</em> are those with a need diagnosed in the period; <em>eligible</em>
 * those found eligible in it; <em>equipped</em> those given a device in it; <em>waiting</em> those
 * eligible at the end of the period (or today, for the year under way) with a need that no device
 * has met yet. A need is met by the first device of its category (of any category when none is
 * stated) given on or after its diagnosis; its wait is the whole days between the two, and the
 * median wait is over the needs met in the period.
 */
public final class DemandFigures {

  /** A need of equipment; {@code category} null when the diagnosis recommends none. */
  public record Need(String beneficiaryId, DeviceCategory category, LocalDateTime diagnosedAt) {}

  /** An eligibility decision: {@code ELIGIBLE}, {@code REFUSED} or {@code REVOKED}. */
  public record Decision(
      String beneficiaryId, String decision, LocalDate validUntil, LocalDateTime decidedAt) {}

  /** A device a person was equipped with. */
  public record Equipment(String beneficiaryId, DeviceCategory category, LocalDateTime givenAt) {}

  /** One recommended category's figures; {@code category} null for needs with none stated. */
  public record CategoryDemand(
      DeviceCategory category,
      long diagnosed,
      long equipped,
      long waiting,
      BigDecimal medianWaitDays) {}

  /** The demand of a period. {@code medianWaitDays} is null when no need was met in it. */
  public record Demand(
      long diagnosed,
      long eligible,
      long equipped,
      long waiting,
      BigDecimal medianWaitDays,
      List<CategoryDemand> byCategory) {}

  private DemandFigures() {}

  /**
   * The figures of [{@code from}, {@code end}); eligibility is judged at {@code asOf} (the end, or
   * now when the period is under way).
   */
  public static Demand of(
      List<Need> needs,
      List<Decision> decisions,
      List<Equipment> equipment,
      LocalDateTime from,
      LocalDateTime end,
      LocalDateTime asOf) {
    Set<String> eligible = new HashSet<>();
    Map<String, Decision> latest = new HashMap<>();
    for (Decision d : decisions) {
      if (d.decidedAt().isBefore(end)
          && !d.decidedAt().isBefore(from)
          && "ELIGIBLE".equals(d.decision())) {
        eligible.add(d.beneficiaryId());
      }
      if (!d.decidedAt().isAfter(asOf)) {
        latest.merge(d.beneficiaryId(), d, (a, b) -> b.decidedAt().isBefore(a.decidedAt()) ? a : b);
      }
    }
    Set<String> eligibleAtEnd = new HashSet<>();
    latest.forEach(
        (person, d) -> {
          if ("ELIGIBLE".equals(d.decision())
              && (d.validUntil() == null || !d.validUntil().isBefore(asOf.toLocalDate()))) {
            eligibleAtEnd.add(person);
          }
        });
    Map<String, List<Equipment>> given = new HashMap<>();
    Set<String> equipped = new HashSet<>();
    for (Equipment e : equipment) {
      if (e.givenAt().isBefore(end)) {
        given.computeIfAbsent(e.beneficiaryId(), k -> new ArrayList<>()).add(e);
        if (!e.givenAt().isBefore(from)) {
          equipped.add(e.beneficiaryId());
        }
      }
    }
    given.values().forEach(list -> list.sort(Comparator.comparing(Equipment::givenAt)));

    Set<String> diagnosed = new HashSet<>();
    Set<String> waiting = new HashSet<>();
    List<Long> waits = new ArrayList<>();
    Map<DeviceCategory, long[]> counts = new LinkedHashMap<>();
    Map<DeviceCategory, List<Long>> waitsOf = new HashMap<>();
    List<Need> sorted = new ArrayList<>(needs);
    sorted.sort(
        Comparator.comparing(
            Need::category, Comparator.nullsLast(Comparator.<DeviceCategory>naturalOrder())));
    for (Need need : sorted) {
      if (!need.diagnosedAt().isBefore(end)) {
        continue;
      }
      long[] c = counts.computeIfAbsent(need.category(), k -> new long[3]);
      if (!need.diagnosedAt().isBefore(from)) {
        diagnosed.add(need.beneficiaryId());
        c[0]++;
      }
      Equipment met = metBy(need, given.getOrDefault(need.beneficiaryId(), List.of()));
      if (met != null) {
        if (!met.givenAt().isBefore(from)) {
          long days = Duration.between(need.diagnosedAt(), met.givenAt()).toDays();
          waits.add(days);
          waitsOf.computeIfAbsent(need.category(), k -> new ArrayList<>()).add(days);
          c[1]++;
        }
      } else if (eligibleAtEnd.contains(need.beneficiaryId())) {
        waiting.add(need.beneficiaryId());
        c[2]++;
      }
    }
    List<CategoryDemand> byCategory = new ArrayList<>();
    counts.forEach(
        (category, c) ->
            byCategory.add(
                new CategoryDemand(
                    category,
                    c[0],
                    c[1],
                    c[2],
                    median(waitsOf.getOrDefault(category, List.of())))));
    return new Demand(
        diagnosed.size(),
        eligible.size(),
        equipped.size(),
        waiting.size(),
        median(waits),
        byCategory);
  }

  private static Equipment metBy(Need need, List<Equipment> given) {
    for (Equipment e : given) {
      if (!e.givenAt().isBefore(need.diagnosedAt())
          && (need.category() == null || need.category() == e.category())) {
        return e;
      }
    }
    return null;
  }

  /** The median of whole days, to the tenth (the mean of the two middle ones for an even count). */
  static BigDecimal median(List<Long> days) {
    if (days.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(days);
    sorted.sort(null);
    int n = sorted.size();
    BigDecimal middle =
        n % 2 == 1
            ? BigDecimal.valueOf(sorted.get(n / 2))
            : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
                .divide(BigDecimal.valueOf(2));
    return middle.setScale(1, RoundingMode.HALF_UP);
  }
}
