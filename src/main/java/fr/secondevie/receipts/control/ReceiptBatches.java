package fr.secondevie.receipts.control;

import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.BusinessMetrics;
import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.platform.control.LeaseLost;
import fr.secondevie.platform.control.LogLine;
import fr.secondevie.platform.control.ResumableBatches;
import fr.secondevie.platform.control.SqlStates;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.receipts.entity.ReceiptAudit;
import fr.secondevie.receipts.entity.ReceiptBatch;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The year's batch: every received donation waiting for its receipt is issued in the background,
 * one transaction per receipt (a failure stops nothing else and leaves no gap). The batch lists its
 * donations ({@code receipt_batch_item}), and each receipt's transaction also writes that
 * donation's outcome, the batch's counts and renews the batch's lease: what the database holds is
 * exactly what was done. One batch runs at a time per issuer; a donation that another act receipted
 * before the batch came to it is counted as already issued, not failed. When the batch's instance
 * dies, its lease lapses and another instance takes the batch over ({@code BatchTakeoverJob}) and
 * goes on with the donations that have no outcome yet: no receipt twice, none left out.
 */
@ApplicationScoped
public class ReceiptBatches implements ResumableBatches {

  private static final Logger LOG = Logger.getLogger(ReceiptBatches.class.getName());
  static final String LEASE = "tax-receipt-batch-";
  private static final String ALREADY_ISSUED = "RECEIPT_ALREADY_ISSUED";

  @PersistenceContext EntityManager em;
  @Inject TaxReceipts receipts;
  @Inject Progress progress;
  @Inject Caller caller;
  @Inject JobLeases leases;

  @Resource ManagedExecutorService executor;

  /**
   * Starts a batch over the donations waiting now; answers at once with the batch. While a batch of
   * the same issuer runs, another start is 409 {@code BATCH_RUNNING} (checked first, then held by
   * the unique key of the running batch when two starts meet).
   */
  public ReceiptBatch start() {
    progress.requireNoneRunning(caller.organisationId());
    List<Long> waiting = receipts.idsWaitingForReceipt();
    String token = leases.newToken();
    ReceiptBatch batch =
        progress.create(
            waiting, caller.username(), caller.organisationId(), caller.territoryId(), token);
    if (!waiting.isEmpty()) {
      executor.submit(() -> run(batch.id(), token));
    }
    return batch;
  }

  public ReceiptBatch get(long id) {
    return Optional.ofNullable(em.find(ReceiptBatch.class, id))
        .orElseThrow(() -> BusinessException.notFound("Receipt batch"));
  }

  @Override
  public String leasePrefix() {
    return LEASE;
  }

  @Override
  public void resume(long batchId, String token) {
    executor.submit(() -> run(batchId, token));
  }

  /** Issues the batch's donations that have no outcome yet, while this instance holds its lease. */
  void run(long batchId, String token) {
    try {
      Progress.Batch batch = progress.batch(batchId);
      for (long donationId : progress.pending(batchId)) {
        try {
          progress.issue(batch, donationId, token);
        } catch (BusinessException e) {
          boolean already = ALREADY_ISSUED.equals(e.code());
          if (!already) {
            LOG.log(Level.WARNING, "Receipt for donation " + donationId + " not issued: " + e);
          }
          progress.record(batchId, donationId, already ? "ALREADY_ISSUED" : "FAILED", token);
        } catch (RuntimeException e) {
          if (leaseLost(e)) {
            throw e;
          }
          LOG.log(
              Level.WARNING,
              "Receipt for donation " + donationId + " not issued: " + e.getMessage());
          progress.record(batchId, donationId, "FAILED", token);
        }
      }
      progress.finish(batchId, token);
    } catch (RuntimeException e) {
      if (!leaseLost(e)) {
        throw e;
      }
      LOG.info(
          () ->
              LogLine.of("batch-lease-lost")
                  .with("batch", LEASE + batchId)
                  .with("instance", leases.instanceId())
                  .toString());
    }
  }

  private static boolean leaseLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LeaseLost) {
        return true;
      }
    }
    return false;
  }

  /** Writes a batch and each of its steps in short transactions of its own. */
  @ApplicationScoped
  public static class Progress {

    /** What a step needs of its batch: who issues, in whose name. */
    public record Batch(long id, long issuerId, String createdBy) {}

    @PersistenceContext EntityManager em;
    @Inject TaxReceipts receipts;
    @Inject AuditTrail audit;
    @Inject JobLeases leases;
    @Inject BusinessMetrics metrics;
    @Inject Clock clock;

    /** 409 BATCH_RUNNING while a batch of the issuer runs (or waits to be taken over). */
    @Transactional
    public void requireNoneRunning(long issuerId) {
      em.createQuery(
              "select b from ReceiptBatch b where b.runningIssuerId = :issuer", ReceiptBatch.class)
          .setParameter("issuer", issuerId)
          .getResultStream()
          .findFirst()
          .ifPresent(
              b -> {
                throw running(
                    "Batch "
                        + b.id()
                        + " is issuing this organisation's receipts ("
                        + (b.done() + b.failed() + b.alreadyIssued())
                        + " of "
                        + b.total()
                        + "): follow it at /api/v1/tax-receipts/batches/"
                        + b.id());
              });
    }

    /** The batch, the list of its donations and its lease, held by this instance, at once. */
    @Transactional
    public ReceiptBatch create(
        List<Long> donationIds, String username, long issuerId, Long territoryId, String token) {
      ReceiptBatch batch =
          new ReceiptBatch(donationIds.size(), username, issuerId, LocalDateTime.now(clock));
      try {
        em.persist(batch);
        em.flush();
      } catch (PersistenceException e) {
        if (SqlStates.isUniqueViolation(e)) {
          throw running("Another batch of this organisation's receipts has just started");
        }
        throw e;
      }
      insertItems(batch.id(), donationIds);
      if (!donationIds.isEmpty()) {
        leases.startBatch(LEASE + batch.id(), territoryId, token, "0 of " + donationIds.size());
      }
      audit.recordAs(
          username,
          issuerId,
          ReceiptAudit.TAX_RECEIPT_BATCH_STARTED,
          "ReceiptBatch",
          batch.id(),
          donationIds.size() + " donations");
      return batch;
    }

    private void insertItems(long batchId, List<Long> donationIds) {
      Connection connection = em.unwrap(Connection.class);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into receipt_batch_item (batch_id, donation_id) values (?, ?)")) {
        int pending = 0;
        for (long donationId : donationIds) {
          insert.setLong(1, batchId);
          insert.setLong(2, donationId);
          insert.addBatch();
          if (++pending == 1_000) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("The batch's donations could not be listed", e);
      }
    }

    @Transactional
    public Batch batch(long batchId) {
      ReceiptBatch batch = em.find(ReceiptBatch.class, batchId);
      return new Batch(batch.id(), batch.issuerId(), batch.createdBy());
    }

    /** The batch's donations that have no outcome yet, in the order the batch issues them. */
    @Transactional
    public List<Long> pending(long batchId) {
      return em
          .createNativeQuery(
              "select donation_id from receipt_batch_item where batch_id = ? and outcome is null"
                  + " order by donation_id")
          .setParameter(1, batchId)
          .getResultList()
          .stream()
          .map(id -> ((Number) id).longValue())
          .toList();
    }

    /** One receipt, its outcome and the batch's count, under the batch's lease, all or nothing. */
    @Transactional
    public void issue(Batch batch, long donationId, String token) {
      leases.renew(LEASE + batch.id(), token, null);
      receipts.issueAs(donationId, batch.issuerId(), batch.createdBy());
      mark(batch.id(), donationId, "DONE", "done");
      metrics.batchItem("tax-receipts", "DONE");
    }

    /** A donation the batch could not receipt (or found receipted), under the batch's lease. */
    @Transactional
    public void record(long batchId, long donationId, String outcome, String token) {
      leases.renew(LEASE + batchId, token, null);
      mark(batchId, donationId, outcome, outcome.equals("FAILED") ? "failed" : "already_issued");
      metrics.batchItem("tax-receipts", outcome);
    }

    private void mark(long batchId, long donationId, String outcome, String column) {
      int marked =
          em.createNativeQuery(
                  "update receipt_batch_item set outcome = ?"
                      + " where batch_id = ? and donation_id = ? and outcome is null")
              .setParameter(1, outcome)
              .setParameter(2, batchId)
              .setParameter(3, donationId)
              .executeUpdate();
      if (marked != 1) {
        throw new IllegalStateException(
            "Donation " + donationId + " of batch " + batchId + " already has its outcome");
      }
      em.createNativeQuery(
              "update receipt_batch set "
                  + column
                  + " = "
                  + column
                  + " + 1, progress_at = ? where id = ?")
          .setParameter(1, Timestamp.valueOf(LocalDateTime.now(clock)))
          .setParameter(2, batchId)
          .executeUpdate();
    }

    /** The batch is over: it lets its issuer start another, and its lease go. */
    @Transactional
    public void finish(long batchId, String token) {
      leases.renew(LEASE + batchId, token, null);
      LocalDateTime now = LocalDateTime.now(clock);
      em.createNativeQuery(
              "update receipt_batch set status = 'FINISHED', finished_at = ?, progress_at = ?,"
                  + " running_issuer_id = null where id = ? and status = 'RUNNING'")
          .setParameter(1, Timestamp.valueOf(now))
          .setParameter(2, Timestamp.valueOf(now))
          .setParameter(3, batchId)
          .executeUpdate();
      ReceiptBatch batch = em.find(ReceiptBatch.class, batchId);
      em.refresh(batch);
      leases.releaseInCurrent(
          LEASE + batchId,
          token,
          JobLeases.Outcome.SUCCEEDED,
          batch.done()
              + " issued, "
              + batch.failed()
              + " failed, "
              + batch.alreadyIssued()
              + " already issued, of "
              + batch.total());
    }

    private static BusinessException running(String detail) {
      return BusinessException.conflict("BATCH_RUNNING", detail);
    }
  }
}
