package fr.secondevie.payments.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.payments.control.StripeTerminal.ReaderState;
import fr.secondevie.payments.entity.CardReader;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A relay's card readers: registered with Stripe Terminal by a counter of the relay or an admin of
 * its territory, at the relay's one Terminal Location. The location is created the first time a
 * reader is registered, with an idempotency key derived from the relay: two registrations racing
 * (on two threads or two instances) ask Stripe with the same key, get the same location, and the
 * database keeps the first row. No Stripe call is made inside a transaction.
 */
@ApplicationScoped
public class CardReaders {

  private static final Logger LOG = Logger.getLogger(CardReaders.class.getName());

  @Inject StripeTerminal terminal;
  @Inject ReaderStore store;
  @Inject Directory directory;
  @Inject Caller caller;

  /** Registers the reader that shows that code, under that label. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public CardReader register(long relayId, String registrationCode, String label) {
    Organisation relay = relay(relayId);
    String location = locationOf(relay, null);
    ReaderState state;
    try {
      state = registerAt(relayId, registrationCode.trim(), label.trim(), location);
    } catch (StripeTerminal.LocationGone e) {
      // the location kept here is no longer Stripe's: forgotten, and another one created once
      LOG.warning(() -> "Relay " + relayId + ": " + e.getMessage() + ", creating another");
      store.forgetLocation(relayId, location);
      state =
          registerAt(relayId, registrationCode.trim(), label.trim(), locationOf(relay, location));
    }
    try {
      return store.keepReader(relayId, state, label.trim(), caller.username());
    } catch (RuntimeException e) {
      // the same registration sent twice at once: Stripe answered both the same (same key), and
      // the other request's row is the one kept
      ReaderState registered = state;
      return store.reader(relayId, registered.id()).orElseThrow(() -> e);
    }
  }

  /** The relay's readers as last seen, without asking Stripe (for a label on a busy page). */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public List<CardReader> known(long relayId) {
    relay(relayId);
    return store.readers(relayId);
  }

  /**
   * The relay's readers, with the status Stripe gives now; when Stripe cannot be reached, the last
   * status it gave.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public List<CardReader> list(long relayId) {
    relay(relayId);
    List<CardReader> readers = store.readers(relayId);
    if (readers.isEmpty()) {
      return readers;
    }
    try {
      Map<String, String> statuses = new HashMap<>();
      store.location(relayId).stream()
          .flatMap(location -> terminal.readers(location).stream())
          .forEach(r -> statuses.put(r.id(), r.status()));
      return store.seen(relayId, statuses);
    } catch (BusinessException e) {
      LOG.log(
          Level.INFO,
          "Reader statuses of relay {0} not refreshed: {1}",
          new Object[] {relayId, e.getMessage()});
      return readers;
    }
  }

  /** One of the relay's readers, for those who may manage them: 404 Reader otherwise. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public CardReader get(long relayId, String readerId) {
    relay(relayId);
    return of(relayId, readerId);
  }

  /** The reader of that relay, for a payment: 404 Reader when it is not one of the relay's. */
  public CardReader of(long relayId, String readerId) {
    return store.reader(relayId, readerId).orElseThrow(() -> BusinessException.notFound("Reader"));
  }

  /**
   * Registers with a key of its own: the same registration asked again (a retry) is the same
   * request to Stripe; another label, code or location is another one (Stripe's simulated readers
   * share one code).
   */
  private ReaderState registerAt(long relayId, String code, String label, String location) {
    String key =
        "secondevie-reader-"
            + UUID.nameUUIDFromBytes(
                String.join("\n", String.valueOf(relayId), code, label, location)
                    .getBytes(StandardCharsets.UTF_8));
    return terminal.register(code, label, location, key);
  }

  /**
   * The relay's location, created if it has none.
   *
   * @param replacing the location Stripe lost that this one replaces, or null
   */
  private String locationOf(Organisation relay, String replacing) {
    return store
        .location(relay.id())
        .orElseGet(
            () -> {
              String created =
                  terminal.createLocation(
                      relay.name(),
                      new StripeTerminal.Address(relay.address(), relay.postalCode(), relay.city()),
                      "secondevie-location-"
                          + relay.id()
                          + (replacing == null ? "" : "-after-" + replacing));
              try {
                store.keepLocation(relay.id(), created);
              } catch (RuntimeException e) {
                // another registration stored the relay's location at the same moment: it is the
                // same one (same idempotency key), and the row it wrote is the one kept
                LOG.log(Level.FINE, "Location of relay " + relay.id() + " stored meanwhile", e);
              }
              return store
                  .location(relay.id())
                  .orElseThrow(
                      () ->
                          new IllegalStateException("No location stored for relay " + relay.id()));
            });
  }

  /**
   * The relay, if the caller may manage its readers: a counter its own, an admin those of its
   * territory; anything else is 404.
   */
  private Organisation relay(long relayId) {
    var relay = directory.findOrganisation(relayId).filter(o -> o.kind() == OrganisationKind.RELAY);
    boolean own = caller.hasRole(Roles.COUNTER) && caller.organisationId() == relayId;
    boolean admin =
        caller.hasRole(Roles.ADMIN)
            && relay
                .filter(o -> Long.valueOf(caller.territoryId()).equals(o.territoryId()))
                .isPresent();
    if (relay.isEmpty() || !(own || admin)) {
      throw BusinessException.notFound("Relay");
    }
    return relay.get();
  }
}
