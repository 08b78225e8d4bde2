package fr.secondevie.receipts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Receipt numbers per series (the issuing territory's code) and calendar year, without gaps: the
 * series' counter row for the year is incremented by an UPDATE in the issuing transaction, which
 * holds the row lock until it commits — concurrent issuers of one territory queue, those of another
 * do not wait, and a transaction that rolls back gives its number back. (A database sequence would
 * leave gaps.)
 */
@ApplicationScoped
public class ReceiptNumbers {

  @PersistenceContext EntityManager em;
  @Inject YearOpener years;

  @Transactional(Transactional.TxType.MANDATORY)
  public int next(String series, int year) {
    if (increment(series, year) == 0) {
      try {
        years.open(series, year);
      } catch (RuntimeException openedConcurrently) {
        // Another issuer created the year's counter at the same moment: it exists, go on.
      }
      if (increment(series, year) != 1) {
        throw new IllegalStateException("No receipt counter for " + series + " " + year);
      }
    }
    return ((Number)
            em.createNativeQuery(
                    "select last_number from tax_receipt_series_counter"
                        + " where series = ? and receipt_year = ?")
                .setParameter(1, series)
                .setParameter(2, year)
                .getSingleResult())
        .intValue();
  }

  private int increment(String series, int year) {
    return em.createNativeQuery(
            "update tax_receipt_series_counter set last_number = last_number + 1"
                + " where series = ? and receipt_year = ?")
        .setParameter(1, series)
        .setParameter(2, year)
        .executeUpdate();
  }

  /**
   * Creates a series' counter for a year the first time it is needed, in a transaction of its own.
   */
  @ApplicationScoped
  public static class YearOpener {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(String series, int year) {
      Number existing =
          (Number)
              em.createNativeQuery(
                      "select count(*) from tax_receipt_series_counter"
                          + " where series = ? and receipt_year = ?")
                  .setParameter(1, series)
                  .setParameter(2, year)
                  .getSingleResult();
      if (existing.intValue() == 0) {
        em.createNativeQuery(
                "insert into tax_receipt_series_counter (series, receipt_year, last_number)"
                    + " values (?, ?, 0)")
            .setParameter(1, series)
            .setParameter(2, year)
            .executeUpdate();
      }
    }
  }
}
