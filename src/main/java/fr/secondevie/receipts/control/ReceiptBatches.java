package fr.secondevie.receipts.control;

import fr.secondevie.platform.control.AuditTrail;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The year's batch: every received donation waiting for its receipt is issued in the background,
 * one transaction per receipt (a failure stops nothing else and leaves no gap), with the progress
 * written to the database every few receipts. One batch runs at a time per issuer; a donation that
 * another act receipted before the batch came to it is counted as already issued, not failed.
 */
@ApplicationScoped
public class ReceiptBatches {

  private static final Logger LOG = Logger.getLogger(ReceiptBatches.class.getName());
  static final int PROGRESS_EVERY = 25;
  private static final String ALREADY_ISSUED = "RECEIPT_ALREADY_ISSUED";

  @PersistenceContext EntityManager em;
  @Inject TaxReceipts receipts;
  @Inject Progress progress;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;

  /**
   * Starts a batch over the donations waiting now; answers at once with the batch. While a batch of
   * the same issuer runs, another start is 409 {@code BATCH_RUNNING} (checked first, then held by
   * the unique key of the running batch when two starts meet).
   */
  public ReceiptBatch start() {
    progress.requireNoneRunning(caller.organisationId());
    List<Long> waiting = receipts.idsWaitingForReceipt();
    ReceiptBatch batch =
        progress.create(waiting.size(), caller.username(), caller.organisationId());
    if (!waiting.isEmpty()) {
      executor.submit(() -> run(batch.id(), batch.issuerId(), batch.createdBy(), waiting));
    }
    return batch;
  }

  public ReceiptBatch get(long id) {
    return Optional.ofNullable(em.find(ReceiptBatch.class, id))
        .orElseThrow(() -> BusinessException.notFound("Receipt batch"));
  }

  void run(long batchId, long issuerId, String username, List<Long> donationIds) {
    int done = 0;
    int failed = 0;
    int already = 0;
    int reported = 0;
    for (long donationId : donationIds) {
      try {
        receipts.issueAs(donationId, issuerId, username);
        done++;
      } catch (BusinessException e) {
        if (ALREADY_ISSUED.equals(e.code())) {
          already++;
        } else {
          failed++;
          LOG.log(Level.WARNING, "Receipt for donation " + donationId + " not issued: " + e);
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(
            Level.WARNING, "Receipt for donation " + donationId + " not issued: " + e.getMessage());
      }
      if (done + failed + already - reported >= PROGRESS_EVERY) {
        progress.advance(batchId, done, failed, already, false);
        reported = done + failed + already;
      }
    }
    progress.advance(batchId, done, failed, already, true);
  }

  /** Writes a batch's progress in short transactions of its own. */
  @ApplicationScoped
  public static class Progress {

    /** A running batch that wrote no progress for this long lost its instance. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    @PersistenceContext EntityManager em;
    @Inject AuditTrail audit;
    @Inject Clock clock;

    /** 409 BATCH_RUNNING while a batch of the issuer runs (one abandoned is closed first). */
    @Transactional
    public void requireNoneRunning(long issuerId) {
      LocalDateTime now = LocalDateTime.now(clock);
      em.createQuery(
              "update ReceiptBatch b set b.status = 'FINISHED', b.finishedAt = :now,"
                  + " b.runningIssuerId = null"
                  + " where b.runningIssuerId = :issuer and b.progressAt < :abandoned")
          .setParameter("now", now)
          .setParameter("issuer", issuerId)
          .setParameter("abandoned", now.minus(ABANDONED_AFTER))
          .executeUpdate();
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

    @Transactional
    public ReceiptBatch create(int total, String username, long issuerId) {
      ReceiptBatch batch = new ReceiptBatch(total, username, issuerId, LocalDateTime.now(clock));
      try {
        em.persist(batch);
        em.flush();
      } catch (PersistenceException e) {
        if (SqlStates.isUniqueViolation(e)) {
          throw running("Another batch of this organisation's receipts has just started");
        }
        throw e;
      }
      audit.recordAs(
          username,
          issuerId,
          ReceiptAudit.TAX_RECEIPT_BATCH_STARTED,
          "ReceiptBatch",
          batch.id(),
          total + " donations");
      return batch;
    }

    @Transactional
    public void advance(long batchId, int done, int failed, int already, boolean finished) {
      LocalDateTime now = LocalDateTime.now(clock);
      em.createQuery(
              "update ReceiptBatch b set b.done = :done, b.failed = :failed,"
                  + " b.alreadyIssued = :already, b.status = :status, b.progressAt = :now,"
                  + " b.finishedAt = :finishedAt"
                  + (finished ? ", b.runningIssuerId = null" : "")
                  + " where b.id = :id")
          .setParameter("done", done)
          .setParameter("failed", failed)
          .setParameter("already", already)
          .setParameter("status", finished ? "FINISHED" : "RUNNING")
          .setParameter("now", now)
          .setParameter("finishedAt", finished ? now : null)
          .setParameter("id", batchId)
          .executeUpdate();
    }

    private static BusinessException running(String detail) {
      return BusinessException.conflict("BATCH_RUNNING", detail);
    }
  }
}
