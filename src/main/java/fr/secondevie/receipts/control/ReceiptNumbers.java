package fr.secondevie.receipts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Receipt numbers per calendar year, without gaps: the year's counter row is incremented by an
 * UPDATE in the issuing transaction, which holds the row lock until it commits — concurrent issuers
 * queue, and a transaction that rolls back gives its number back. (A database sequence would leave
 * gaps.)
 */
@ApplicationScoped
public class ReceiptNumbers {

  @PersistenceContext EntityManager em;
  @Inject YearOpener years;

  @Transactional(Transactional.TxType.MANDATORY)
  public int next(int year) {
    if (increment(year) == 0) {
      try {
        years.open(year);
      } catch (RuntimeException openedConcurrently) {
        // Another issuer created the year's counter at the same moment: it exists, go on.
      }
      if (increment(year) != 1) {
        throw new IllegalStateException("No receipt counter for " + year);
      }
    }
    return ((Number)
            em.createNativeQuery(
                    "select last_number from tax_receipt_counter where receipt_year = ?")
                .setParameter(1, year)
                .getSingleResult())
        .intValue();
  }

  private int increment(int year) {
    return em.createNativeQuery(
            "update tax_receipt_counter set last_number = last_number + 1 where receipt_year = ?")
        .setParameter(1, year)
        .executeUpdate();
  }

  /** Creates a year's counter the first time it is needed, in a transaction of its own. */
  @ApplicationScoped
  public static class YearOpener {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(int year) {
      Number existing =
          (Number)
              em.createNativeQuery(
                      "select count(*) from tax_receipt_counter where receipt_year = ?")
                  .setParameter(1, year)
                  .getSingleResult();
      if (existing.intValue() == 0) {
        em.createNativeQuery(
                "insert into tax_receipt_counter (receipt_year, last_number) values (?, 0)")
            .setParameter(1, year)
            .executeUpdate();
      }
    }
  }
}
