package fr.secondevie.vouchers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The numbers of a relay's invoices, one unbroken series per relay: the relay's counter row is
 * incremented by an UPDATE in the issuing transaction, which holds its lock until commit, so two
 * invoices of one relay issued at once take consecutive numbers one after the other, another
 * relay's do not wait, and a rolled-back issue gives its number back (as the tax receipts' and the
 * credit notes' series; a database sequence would leave gaps).
 */
@ApplicationScoped
public class InvoiceNumbers {

  @PersistenceContext EntityManager em;
  @Inject CounterOpener opener;

  @Transactional(Transactional.TxType.MANDATORY)
  public int next(long relayId) {
    if (increment(relayId) == 0) {
      try {
        opener.open(relayId);
      } catch (RuntimeException openedConcurrently) {
        // Another issuer created the relay's row at the same moment: it exists now.
      }
      if (increment(relayId) != 1) {
        throw new IllegalStateException("No invoice counter for relay " + relayId);
      }
    }
    return ((Number)
            em.createNativeQuery("select last_number from relay_invoice_counter where relay_id = ?")
                .setParameter(1, relayId)
                .getSingleResult())
        .intValue();
  }

  private int increment(long relayId) {
    return em.createNativeQuery(
            "update relay_invoice_counter set last_number = last_number + 1 where relay_id = ?")
        .setParameter(1, relayId)
        .executeUpdate();
  }

  /** Creates a relay's counter the first time it invoices, in a transaction of its own. */
  @ApplicationScoped
  public static class CounterOpener {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(long relayId) {
      em.createNativeQuery(
              "insert into relay_invoice_counter (relay_id, last_number)"
                  + " select ?, 0 where not exists (select 1 from relay_invoice_counter"
                  + " where relay_id = ?)")
          .setParameter(1, relayId)
          .setParameter(2, relayId)
          .executeUpdate();
    }
  }
}
