package fr.secondevie.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The business figures of {@code /metrics} (MicroProfile Metrics, application scope), beside the
 * JVM's: what each capability counts, times and reads. Counters are this instance's, counted once
 * the act's transaction has committed (Prometheus adds the instances up); a gauge that reads the
 * database reads it at each scrape, so every instance shows the same figure.
 */
@ApplicationScoped
public class BusinessMetrics {

  private static final Logger LOG = Logger.getLogger(BusinessMetrics.class.getName());

  @Inject MetricRegistry registry;
  @Resource TransactionSynchronizationRegistry transactions;

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  /** Adds {@code n} to a counter once the current transaction commits (at once outside one). */
  public void countAfterCommit(String name, String description, long n, Tag... tags) {
    if (n <= 0) {
      return;
    }
    Runnable count =
        () ->
            registry
                .counter(
                    Metadata.builder().withName(name).withDescription(description).build(), tags)
                .inc(n);
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      AfterCommit.run(transactions, count);
    } else {
      count.run();
    }
  }

  /** One item of a batch done, failed or found done, by this instance. */
  public void batchItem(String kind, String outcome) {
    batchItems(kind, outcome, 1);
  }

  /** {@code n} items of a batch done, failed or found done, by this instance. */
  public void batchItems(String kind, String outcome, long n) {
    countAfterCommit(
        "batch.items",
        "Items of the batches processed by this instance, by kind and outcome",
        n,
        new Tag("kind", kind),
        new Tag("outcome", outcome.toLowerCase()));
  }

  /**
   * How the batches of a kind stand, read from the database at each scrape, so that every instance
   * shows the same: {@code batches.running} ({@code runningSql}: those running or waiting to be
   * taken over) and {@code batch.items.remaining} ({@code remainingSql}: the items they have still
   * to process), each tagged with the kind as {@link #batchItems} counts them.
   */
  public void batchGauges(String kind, String runningSql, String remainingSql) {
    Tag tag = new Tag("kind", kind);
    databaseGauge(
        "batches.running",
        "Batches running or waiting to be taken over, on every instance",
        runningSql,
        tag);
    databaseGauge(
        "batch.items.remaining",
        "Items the running batches have still to process, on every instance",
        remainingSql,
        tag);
  }

  /** Records how long a step took. */
  public void time(String name, String description, Duration took, Tag... tags) {
    registry
        .timer(
            Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(MetricUnits.SECONDS)
                .build(),
            tags)
        .update(took);
  }

  /** A figure read from this instance's memory at each scrape. */
  public void gauge(
      String name, String description, String unit, Supplier<Number> value, Tag... tags) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
        value,
        Supplier::get,
        tags);
  }

  /**
   * A figure read from the database at each scrape: {@code sql} (a capability's query of its own
   * tables) answers one number; -1 when the database does not answer.
   */
  public void databaseGauge(String name, String description, String sql, Tag... tags) {
    gauge(name, description, MetricUnits.NONE, () -> readNumber(sql), tags);
  }

  private long readNumber(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getLong(1) : 0;
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "A metric could not read the database: " + e.getMessage());
      return -1;
    }
  }
}
