package fr.secondevie.sales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Sale receipt numbers, per relay and calendar year, without gaps (a shop's receipts are numbered
 * in one unbroken series): the counter row is incremented by an UPDATE in the completing
 * transaction, which holds its lock until commit, so two counters of a relay completing at once
 * queue for a few milliseconds and a rolled-back sale gives its number back. Taken last in the
 * completion, to hold the lock as briefly as possible.
 */
@ApplicationScoped
public class SaleReceiptNumbers {

  @PersistenceContext EntityManager em;
  @Inject CounterOpener opener;

  @Transactional(Transactional.TxType.MANDATORY)
  public String next(long relayId, int year) {
    if (increment(relayId, year) == 0) {
      try {
        opener.open(relayId, year);
      } catch (RuntimeException openedConcurrently) {
        // Another counter created this year's row at the same moment: it exists now.
      }
      if (increment(relayId, year) != 1) {
        throw new IllegalStateException("No receipt counter for relay " + relayId + ", " + year);
      }
    }
    int number =
        ((Number)
                em.createNativeQuery(
                        "select last_number from sale_receipt_counter"
                            + " where relay_id = ? and receipt_year = ?")
                    .setParameter(1, relayId)
                    .setParameter(2, year)
                    .getSingleResult())
            .intValue();
    return String.format("%d-R%d-%06d", year, relayId, number);
  }

  private int increment(long relayId, int year) {
    return em.createNativeQuery(
            "update sale_receipt_counter set last_number = last_number + 1"
                + " where relay_id = ? and receipt_year = ?")
        .setParameter(1, relayId)
        .setParameter(2, year)
        .executeUpdate();
  }

  /** Creates a relay's counter for a year the first time it sells, in a transaction of its own. */
  @ApplicationScoped
  public static class CounterOpener {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(long relayId, int year) {
      em.createNativeQuery(
              "insert into sale_receipt_counter (relay_id, receipt_year, last_number)"
                  + " select ?, ?, 0 where not exists (select 1 from sale_receipt_counter"
                  + " where relay_id = ? and receipt_year = ?)")
          .setParameter(1, relayId)
          .setParameter(2, year)
          .setParameter(3, relayId)
          .setParameter(4, year)
          .executeUpdate();
    }
  }
}
