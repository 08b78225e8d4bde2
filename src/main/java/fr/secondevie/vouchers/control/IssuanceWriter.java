package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.BusinessMetrics;
import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.vouchers.entity.VoucherCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes vouchers in JDBC batches on the transaction's own connection: one chunk per call, with the
 * batch's progress counter moved in the same transaction, so the progress shown is always what is
 * really in the database. A background batch's chunk renews the batch's lease first, in its own
 * transaction: an instance that lost the lease writes nothing more, and the one that took the batch
 * over goes on from the count the last committed chunk left.
 */
@ApplicationScoped
public class IssuanceWriter {

  private static final String INSERT =
      "insert into voucher (code, programme_id, batch_id, status, beneficiary_ref, issued_at)"
          + " values (?, ?, ?, 'ISSUED', ?, ?)";

  /** The lease names of background batches: this, then the batch's id. */
  public static final String LEASE = "voucher-issuance-";

  /** What a background batch is to write, as the database holds it. */
  public record State(
      long programmeId, String beneficiaryRef, int quantity, int issued, LocalDateTime at) {}

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject JobLeases leases;
  @Inject BusinessMetrics metrics;

  /** Inserts {@code count} new vouchers of the batch in the current transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<String> insert(
      long batchId, long programmeId, String beneficiaryRef, int count, LocalDateTime issuedAt) {
    List<String> codes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      codes.add(VoucherCode.generate(random).value());
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Timestamp at = Timestamp.valueOf(issuedAt);
      int pending = 0;
      for (String code : codes) {
        insert.setString(1, code);
        insert.setLong(2, programmeId);
        insert.setLong(3, batchId);
        insert.setString(4, beneficiaryRef);
        insert.setTimestamp(5, at);
        insert.addBatch();
        if (++pending == 1_000) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
      try (PreparedStatement progress =
          connection.prepareStatement(
              "update issuance_batch set issued_count = issued_count + ?, progress_at = ?"
                  + " where id = ?")) {
        progress.setInt(1, count);
        progress.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(clock)));
        progress.setLong(3, batchId);
        progress.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Vouchers could not be written: " + e.getMessage(), e);
    }
    return codes;
  }

  /** One chunk of a background batch, in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void insertChunk(
      long batchId,
      String token,
      long programmeId,
      String beneficiaryRef,
      int count,
      LocalDateTime issuedAt) {
    leases.renew(LEASE + batchId, token, null);
    insert(batchId, programmeId, beneficiaryRef, count, issuedAt);
    metrics.batchItems("voucher-issuance", "DONE", count);
  }

  /** A background batch as it stands in the database (read again by an instance taking it over). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public State state(long batchId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select programme_id, beneficiary_ref, quantity, issued_count, created_at"
                        + " from issuance_batch where id = ?")
                .setParameter(1, batchId)
                .getSingleResult();
    Object at = row[4];
    return new State(
        ((Number) row[0]).longValue(),
        (String) row[1],
        ((Number) row[2]).intValue(),
        ((Number) row[3]).intValue(),
        at instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) at);
  }

  /** A background batch is written: done, and its lease let go, under that lease. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(long batchId, String token, LocalDateTime at) {
    leases.renew(LEASE + batchId, token, null);
    finishInCurrent(batchId, at);
    leases.releaseInCurrent(
        LEASE + batchId,
        token,
        JobLeases.Outcome.SUCCEEDED,
        state(batchId).issued() + " vouchers issued");
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void finishInCurrent(long batchId, LocalDateTime at) {
    em.createNativeQuery(
            "update issuance_batch set status = 'DONE', finished_at = ?,"
                + " running_programme_id = null where id = ? and status = 'RUNNING'")
        .setParameter(1, Timestamp.valueOf(at))
        .setParameter(2, batchId)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fail(long batchId, String token, String failure, LocalDateTime at) {
    em.createNativeQuery(
            "update issuance_batch set status = 'FAILED', failure = ?, finished_at = ?,"
                + " running_programme_id = null where id = ? and status = 'RUNNING'")
        .setParameter(1, failure.length() > 500 ? failure.substring(0, 500) : failure)
        .setParameter(2, Timestamp.valueOf(at))
        .setParameter(3, batchId)
        .executeUpdate();
    leases.releaseInCurrent(LEASE + batchId, token, JobLeases.Outcome.FAILED, failure);
  }
}
