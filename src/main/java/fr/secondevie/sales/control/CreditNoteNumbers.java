package fr.secondevie.sales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Credit note (avoir) numbers, one unbroken series per relay ({@code AV-R12-000001}): the counter
 * row is incremented by an UPDATE in the returning transaction, which holds its lock until commit,
 * so a rolled-back return gives its number back and two returns at once queue up (as the sale
 * receipts' numbers, {@link SaleReceiptNumbers}).
 */
@ApplicationScoped
public class CreditNoteNumbers {

  @PersistenceContext EntityManager em;
  @Inject CounterOpener opener;

  @Transactional(Transactional.TxType.MANDATORY)
  public String next(long relayId) {
    if (increment(relayId) == 0) {
      try {
        opener.open(relayId);
      } catch (RuntimeException openedConcurrently) {
        // Another counter created the relay's row at the same moment: it exists now.
      }
      if (increment(relayId) != 1) {
        throw new IllegalStateException("No credit note counter for relay " + relayId);
      }
    }
    int number =
        ((Number)
                em.createNativeQuery(
                        "select last_number from credit_note_counter where relay_id = ?")
                    .setParameter(1, relayId)
                    .getSingleResult())
            .intValue();
    return String.format("AV-R%d-%06d", relayId, number);
  }

  private int increment(long relayId) {
    return em.createNativeQuery(
            "update credit_note_counter set last_number = last_number + 1 where relay_id = ?")
        .setParameter(1, relayId)
        .executeUpdate();
  }

  /**
   * Creates a relay's counter the first time it makes out a credit note, in its own transaction.
   */
  @ApplicationScoped
  public static class CounterOpener {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(long relayId) {
      em.createNativeQuery(
              "insert into credit_note_counter (relay_id, last_number)"
                  + " select ?, 0 where not exists (select 1 from credit_note_counter"
                  + " where relay_id = ?)")
          .setParameter(1, relayId)
          .setParameter(2, relayId)
          .executeUpdate();
    }
  }
}
