package fr.secondevie.payments.control;

import fr.secondevie.payments.control.StripeTerminal.ReaderState;
import fr.secondevie.payments.entity.CardReader;
import fr.secondevie.payments.entity.PaymentAudit;
import fr.secondevie.platform.control.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relays' Terminal locations and readers as the database keeps them, each write a short
 * transaction of its own and none while Stripe is called ({@link CardReaders} calls it between). A
 * relay's location is inserted only if absent, so two registrations that raced keep the first.
 */
@ApplicationScoped
public class ReaderStore {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** The Terminal location of the relay, if it has one. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<String> location(long relayId) {
    List<?> found =
        em.createNativeQuery("select location_id from terminal_location where relay_id = ?")
            .setParameter(1, relayId)
            .getResultList();
    return found.stream().map(String::valueOf).findFirst();
  }

  /** Keeps that location for the relay unless it has one already (the first stored stays). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void keepLocation(long relayId, String locationId) {
    em.createNativeQuery(
            "insert into terminal_location (relay_id, location_id, created_at)"
                + " select cast(? as bigint), cast(? as varchar(100)), cast(? as timestamp)"
                + " where not exists (select 1 from terminal_location where relay_id = ?)")
        .setParameter(1, relayId)
        .setParameter(2, locationId)
        .setParameter(3, LocalDateTime.now(clock))
        .setParameter(4, relayId)
        .executeUpdate();
  }

  /** Forgets a location Stripe no longer knows (only that one: another may have replaced it). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forgetLocation(long relayId, String locationId) {
    em.createNativeQuery("delete from terminal_location where relay_id = ? and location_id = ?")
        .setParameter(1, relayId)
        .setParameter(2, locationId)
        .executeUpdate();
  }

  /**
   * Records the reader Stripe registered for the relay; recording it again (a retried request)
   * answers the one recorded.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public CardReader keepReader(long relayId, ReaderState state, String label, String by) {
    CardReader known = em.find(CardReader.class, state.id());
    if (known != null) {
      return known;
    }
    CardReader reader =
        new CardReader(
            state.id(),
            relayId,
            state.label() == null ? label : state.label(),
            state.deviceType(),
            state.serialNumber(),
            state.status(),
            LocalDateTime.now(clock),
            by);
    em.persist(reader);
    audit.record(
        PaymentAudit.CARD_READER_REGISTERED,
        "CardReader",
        reader.id(),
        "relay " + relayId + ", " + reader.deviceType() + " " + reader.serialNumber());
    return reader;
  }

  /** The relay's readers, oldest first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<CardReader> readers(long relayId) {
    return em.createNamedQuery("CardReader.findByRelay", CardReader.class)
        .setParameter("relay", relayId)
        .getResultList();
  }

  /** Records the statuses Stripe gave for the relay's readers, and answers them all. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<CardReader> seen(long relayId, Map<String, String> statuses) {
    List<CardReader> readers = readers(relayId);
    readers.stream()
        .filter(r -> statuses.containsKey(r.id()))
        .forEach(r -> r.seen(statuses.get(r.id())));
    return readers;
  }

  /** The reader of that relay with that id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CardReader> reader(long relayId, String readerId) {
    return Optional.ofNullable(readerId == null ? null : em.find(CardReader.class, readerId))
        .filter(r -> r.relayId() == relayId);
  }
}
