package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The leases of the scheduled jobs and of the batches, in the {@code job_lease} table (V140): a row
 * per job and per batch, taken and renewed by conditional UPDATEs, so that among all the instances
 * on one database a scheduled job runs once per period and a batch is run by one instance at a
 * time, and taken over by another once its holder stopped renewing it.
 *
 * <p>Why a lease row rather than a row per run with a unique key: a losing instance changes no row
 * and raises nothing (no unique violation logged every minute by every instance), the table does
 * not grow with every run of a minute's job, and the same row says who holds the job now, which
 * period it last claimed and how its last run ended; for a batch it is also the fencing token that
 * each step renews in its own transaction. A batch's holder is a token of the run ({@link
 * #newToken()}: the instance's id and a random part), not the instance alone, so that a run this
 * instance started and a takeover of the same batch by this instance are told apart too.
 */
@ApplicationScoped
public class JobLeases {

  /** What {@code /api/v1/jobs} shows of a job or a batch. */
  public record JobState(
      String name,
      String kind,
      Long territoryId,
      LocalDateTime periodStart,
      String holder,
      LocalDateTime leaseUntil,
      LocalDateTime lastRunAt,
      LocalDateTime lastFinishedAt,
      String lastInstance,
      String lastOutcome,
      String lastDetail,
      long runs,
      int takeovers) {}

  public enum Outcome {
    SUCCEEDED,
    FAILED
  }

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject InstanceIdentity instance;

  @Inject
  @ConfigProperty(name = "secondevie.batch.lease.seconds", defaultValue = "60")
  int batchLeaseSeconds;

  /** How long a batch's lease lasts past its last step: its holder renews it at every step. */
  public Duration batchLease() {
    return Duration.ofSeconds(Math.max(2, batchLeaseSeconds));
  }

  public String instanceId() {
    return instance.id();
  }

  /**
   * Takes the period starting at {@code periodStart} of a scheduled job for this instance: true
   * once per period across every instance (the row's period is another one and nobody holds it),
   * false when another instance has this period or still runs the previous one.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claimPeriod(String job, LocalDateTime periodStart, Duration lease) {
    LocalDateTime now = LocalDateTime.now(clock);
    return em.createNativeQuery(
                "update job_lease set period_start = ?, holder = ?, lease_until = ?,"
                    + " last_run_at = ?, last_instance = ?, last_outcome = 'RUNNING',"
                    + " last_detail = null, last_finished_at = null, runs = runs + 1"
                    + " where name = ? and kind = 'SCHEDULED'"
                    + " and (period_start is null or period_start <> ?)"
                    + " and (holder is null or lease_until < ?)")
            .setParameter(1, Timestamp.valueOf(periodStart))
            .setParameter(2, instance.id())
            .setParameter(3, Timestamp.valueOf(now.plus(lease)))
            .setParameter(4, Timestamp.valueOf(now))
            .setParameter(5, instance.id())
            .setParameter(6, job)
            .setParameter(7, Timestamp.valueOf(periodStart))
            .setParameter(8, Timestamp.valueOf(now))
            .executeUpdate()
        == 1;
  }

  /** A new holder's token for a batch's run: this instance's id and a random part. */
  public String newToken() {
    String id = instance.id();
    return (id.length() > 180 ? id.substring(0, 180) : id)
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Lets go of a scheduled job's lease with the outcome of its run (if still held here). */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(String name, Outcome outcome, String detail) {
    releaseInCurrent(name, instance.id(), outcome, detail);
  }

  /**
   * Lets go of a batch's lease held by {@code token}, in the caller's transaction (its last step).
   */
  @Transactional(TxType.MANDATORY)
  public void releaseInCurrent(String name, String token, Outcome outcome, String detail) {
    em.createNativeQuery(
            "update job_lease set holder = null, lease_until = null, last_outcome = ?,"
                + " last_detail = ?, last_finished_at = ? where name = ? and holder = ?")
        .setParameter(1, outcome.name())
        .setParameter(2, detail == null ? null : shorten(detail))
        .setParameter(3, Timestamp.valueOf(LocalDateTime.now(clock)))
        .setParameter(4, name)
        .setParameter(5, token)
        .executeUpdate();
  }

  /** A new batch's lease, held by {@code token}, written in the transaction that creates it. */
  @Transactional(TxType.MANDATORY)
  public void startBatch(String name, Long territoryId, String token, String detail) {
    LocalDateTime now = LocalDateTime.now(clock);
    em.createNativeQuery(
            "insert into job_lease (name, kind, territory_id, holder, lease_until, last_run_at,"
                + " last_instance, last_outcome, last_detail, runs, takeovers)"
                + " values (?, 'BATCH', ?, ?, ?, ?, ?, 'RUNNING', ?, 1, 0)")
        .setParameter(1, name)
        .setParameter(2, territoryId)
        .setParameter(3, token)
        .setParameter(4, Timestamp.valueOf(now.plus(batchLease())))
        .setParameter(5, Timestamp.valueOf(now))
        .setParameter(6, instance.id())
        .setParameter(7, detail == null ? null : shorten(detail))
        .executeUpdate();
  }

  /**
   * Renews a batch's lease in the step's own transaction, first thing: the row stays locked until
   * the step commits, so no other instance can take the batch over in between.
   *
   * @throws LeaseLost when another run holds it now (the step must roll back)
   */
  @Transactional(TxType.MANDATORY)
  public void renew(String name, String token, String detail) {
    int renewed =
        em.createNativeQuery(
                "update job_lease set lease_until = ?, last_detail = coalesce(?, last_detail)"
                    + " where name = ? and holder = ?")
            .setParameter(1, Timestamp.valueOf(LocalDateTime.now(clock).plus(batchLease())))
            .setParameter(2, detail == null ? null : shorten(detail))
            .setParameter(3, name)
            .setParameter(4, token)
            .executeUpdate();
    if (renewed != 1) {
      throw new LeaseLost(name);
    }
  }

  /** The batches whose holder stopped renewing their lease before it ran out. */
  @Transactional(TxType.SUPPORTS)
  public List<String> lapsedBatches() {
    return em
        .createNativeQuery(
            "select name from job_lease where kind = 'BATCH' and lease_until < ? order by name")
        .setParameter(1, Timestamp.valueOf(LocalDateTime.now(clock)))
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  /** Takes a lapsed batch's lease for a new run here: its token, for one taker only. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<String> takeOver(String name) {
    LocalDateTime now = LocalDateTime.now(clock);
    String token = newToken();
    boolean taken =
        em.createNativeQuery(
                    "update job_lease set holder = ?, lease_until = ?, last_instance = ?,"
                        + " last_run_at = ?, runs = runs + 1, takeovers = takeovers + 1"
                        + " where name = ? and kind = 'BATCH' and lease_until < ?")
                .setParameter(1, token)
                .setParameter(2, Timestamp.valueOf(now.plus(batchLease())))
                .setParameter(3, instance.id())
                .setParameter(4, Timestamp.valueOf(now))
                .setParameter(5, name)
                .setParameter(6, Timestamp.valueOf(now))
                .executeUpdate()
            == 1;
    return taken ? Optional.of(token) : Optional.empty();
  }

  /**
   * The scheduled jobs, then the batches of the territory (every territory's when null) of the last
   * {@code batchDays} days or still held, newest first.
   */
  @Transactional(TxType.SUPPORTS)
  public List<JobState> states(Long territoryId, int batchDays) {
    LocalDateTime since = LocalDateTime.now(clock).minusDays(batchDays);
    var query =
        em.createNativeQuery(
                "select name, kind, territory_id, period_start, holder, lease_until, last_run_at,"
                    + " last_finished_at, last_instance, last_outcome, last_detail, runs,"
                    + " takeovers from job_lease where kind = 'SCHEDULED' or ("
                    + (territoryId == null ? "" : "territory_id = ? and ")
                    + "(holder is not null or last_run_at >= ?))")
            .setParameter(1, territoryId == null ? Timestamp.valueOf(since) : territoryId);
    if (territoryId != null) {
      query.setParameter(2, Timestamp.valueOf(since));
    }
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(r -> state((Object[]) r))
        .sorted(
            Comparator.comparing((JobState s) -> s.kind().equals("BATCH"))
                .thenComparing(
                    s -> s.kind().equals("BATCH") ? s.lastRunAt() : null,
                    Comparator.nullsLast(Comparator.<LocalDateTime>reverseOrder()))
                .thenComparing(JobState::name))
        .toList();
  }

  private static JobState state(Object[] r) {
    return new JobState(
        (String) r[0],
        (String) r[1],
        r[2] == null ? null : ((Number) r[2]).longValue(),
        time(r[3]),
        (String) r[4],
        time(r[5]),
        time(r[6]),
        time(r[7]),
        (String) r[8],
        (String) r[9],
        (String) r[10],
        ((Number) r[11]).longValue(),
        ((Number) r[12]).intValue());
  }

  private static LocalDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    return (LocalDateTime) value;
  }

  private static String shorten(String detail) {
    return detail.length() > 500 ? detail.substring(0, 500) : detail;
  }
}
