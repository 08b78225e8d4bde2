package fr.secondevie.payments;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.payments.control.StripeEventLog;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * How the webhook reads a failed insert of an event: another delivery got there first (answer
 * duplicate), it is still being applied (refuse, Stripe retries), or something else went wrong.
 */
class StripeEventLogTest {

  @Test
  void aUniqueViolationOnTheEventTableIsADuplicateDelivery() {
    var postgres =
        failure(
            "ERROR: duplicate key value violates unique constraint \"stripe_event_pk\"", "23505");
    var h2 =
        failure(
            "Unique index or primary key violation: \"PUBLIC.PRIMARY_KEY_3 ON"
                + " PUBLIC.STRIPE_EVENT(ID)\"",
            "23505");

    assertThat(StripeEventLog.isDuplicate(postgres)).isTrue();
    assertThat(StripeEventLog.isDuplicate(h2)).isTrue();
    assertThat(StripeEventLog.isStillBeingApplied(h2)).isFalse();
  }

  @Test
  void aUniqueViolationElsewhereIsNotADuplicateDelivery() {
    var elsewhere =
        failure("duplicate key value violates unique constraint \"payment_intent_key\"", "23505");

    assertThat(StripeEventLog.isDuplicate(elsewhere)).isFalse();
    assertThat(StripeEventLog.isDuplicate(new IllegalStateException("no SQL"))).isFalse();
  }

  @Test
  void aLockTimeoutMeansTheEventMayStillBeApplied() {
    assertThat(StripeEventLog.isStillBeingApplied(failure("Timeout trying to lock", "HYT00")))
        .isTrue();
    assertThat(StripeEventLog.isStillBeingApplied(failure("lock not available", "55P03"))).isTrue();
    assertThat(StripeEventLog.isDuplicate(failure("Timeout trying to lock", "HYT00"))).isFalse();
  }

  private static RuntimeException failure(String message, String sqlState) {
    return new PersistenceException(
        "Exception [EclipseLink-4002]", new RuntimeException(new SQLException(message, sqlState)));
  }
}
