package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.FirstRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * The redemptions of each programme at each relay on each day, kept as totals for the territorial
 * dashboard ({@code voucher_redemption_day}): the redeeming transaction adds its redemptions to its
 * day's rows by an UPDATE that holds the row's lock until commit, so the totals move with the
 * redemptions or not at all. A day's row is created the first time ({@link FirstRows}: two first
 * redemptions at once, one creates it, both add to it).
 */
@ApplicationScoped
public class RedemptionDays {

  /** One programme's redemptions of a sale: how many, and the funder's shares they applied. */
  public record Total(long redeemed, long appliedCents) {

    /** This sale's redemptions of a programme with another of the same programme. */
    public Total plus(Total other) {
      return new Total(redeemed + other.redeemed, appliedCents + other.appliedCents);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject FirstRows firstRows;

  /**
   * Adds a sale's redemptions at {@code relayId} on {@code day} to their programmes' totals, in the
   * order of the programmes' ids (two sales of one relay paid by the same two programmes lock their
   * rows in the same order).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(long relayId, LocalDate day, SortedMap<Long, Total> byProgramme) {
    for (Map.Entry<Long, Total> entry : byProgramme.entrySet()) {
      long programmeId = entry.getKey();
      Total total = entry.getValue();
      if (increment(programmeId, relayId, day, total) == 0) {
        firstRows.open(
            "insert into voucher_redemption_day"
                + " (programme_id, relay_id, redeemed_on, redeemed, applied_cents)"
                + " select ?, ?, ?, 0, 0 where not exists (select 1 from"
                + " voucher_redemption_day where programme_id = ? and redeemed_on = ?"
                + " and relay_id = ?)",
            programmeId,
            relayId,
            Date.valueOf(day),
            programmeId,
            Date.valueOf(day),
            relayId);
        if (increment(programmeId, relayId, day, total) != 1) {
          throw new IllegalStateException(
              "No redemption total for programme " + programmeId + " on " + day);
        }
      }
    }
  }

  private int increment(long programmeId, long relayId, LocalDate day, Total total) {
    return em.createNativeQuery(
            "update voucher_redemption_day set redeemed = redeemed + ?,"
                + " applied_cents = applied_cents + ?"
                + " where programme_id = ? and redeemed_on = ? and relay_id = ?")
        .setParameter(1, total.redeemed())
        .setParameter(2, total.appliedCents())
        .setParameter(3, programmeId)
        .setParameter(4, Date.valueOf(day))
        .setParameter(5, relayId)
        .executeUpdate();
  }
}
