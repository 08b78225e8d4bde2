package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Numbered series without gaps, as the law wants for invoices, credit notes and tax receipts: a row
 * of {@code number_series} (V160) per series and scope (a relay, a territory's year) holds the last
 * number handed out. {@link #next} increments it by an UPDATE in the caller's transaction, which
 * holds the row's lock until commit, so two callers of one scope at once, on one instance or two,
 * take consecutive numbers one after the other, those of another scope do not wait, and a
 * transaction that rolls back gives its number back. (A database sequence would leave gaps.)
 *
 * <p>Each capability names its series, chooses its scope and formats the number; the row is opened
 * the first time a scope needs one, in a transaction of its own, so that the caller's lock is
 * always taken by the same UPDATE.
 */
@ApplicationScoped
public class NumberSeries {

  static final String INCREMENT =
      "update number_series set last_value = last_value + 1 where series = ? and scope = ?";
  static final String LAST = "select last_value from number_series where series = ? and scope = ?";
  static final String OPEN =
      "insert into number_series (series, scope, last_value) select ?, ?, 0"
          + " where not exists (select 1 from number_series where series = ? and scope = ?)";

  @PersistenceContext EntityManager em;
  @Inject FirstRows firstRows;

  /** The next number of {@code series} within {@code scope}, from 1, taken in the caller's. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int next(String series, String scope) {
    if (increment(series, scope) == 0) {
      firstRows.open(OPEN, series, scope, series, scope);
      if (increment(series, scope) != 1) {
        throw new IllegalStateException("No row of the series " + series + " for " + scope);
      }
    }
    return ((Number)
            em.createNativeQuery(LAST)
                .setParameter(1, series)
                .setParameter(2, scope)
                .getSingleResult())
        .intValue();
  }

  private int increment(String series, String scope) {
    return em.createNativeQuery(INCREMENT)
        .setParameter(1, series)
        .setParameter(2, scope)
        .executeUpdate();
  }
}
