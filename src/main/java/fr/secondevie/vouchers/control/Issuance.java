package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.AfterCommit;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.Cursor;
import fr.secondevie.platform.control.DataSourceConfig;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.platform.control.LeaseLost;
import fr.secondevie.platform.control.LogLine;
import fr.secondevie.platform.control.MachineCsv;
import fr.secondevie.platform.control.ResumableBatches;
import fr.secondevie.platform.control.SpreadsheetCsv;
import fr.secondevie.platform.control.SqlStates;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.Voucher;
import fr.secondevie.vouchers.entity.VoucherAudit;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Issues vouchers under a programme. Up to {@link #SYNC_LIMIT} vouchers are issued at once and
 * their codes answered; a larger batch (up to 100,000) is written in the background in chunks of
 * {@link #CHUNK}, each in its own transaction, and its progress read from the {@code
 * issuance_batch} row by any instance; one background batch runs at a time per programme (409
 * {@code BATCH_RUNNING} for another, held by a unique key). A background batch holds a lease
 * ({@link JobLeases}) that each chunk renews; when its instance dies another one takes it over and
 * writes what is left of the quantity, read from the count the last committed chunk wrote.
 */
@ApplicationScoped
public class Issuance implements ResumableBatches {

  public static final int SYNC_LIMIT = 1_000;
  static final int CHUNK = 5_000;

  private static final Logger LOG = Logger.getLogger(Issuance.class.getName());

  /** The batch, and the codes when they were issued at once (empty for a background batch). */
  public record Issued(IssuanceBatch batch, List<String> codes) {
    public boolean inBackground() {
      return codes.isEmpty();
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject IssuanceWriter writer;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject JobLeases leases;
  @Resource ManagedExecutorService executor;
  @Resource TransactionSynchronizationRegistry transactions;

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  @Transactional
  public Issued issue(long programmeId, int quantity, String typedBeneficiary) {
    // the attestation identifier as printed, grouped or not: stored as the counter will read it
    String beneficiaryRef =
        typedBeneficiary == null || typedBeneficiary.isBlank()
            ? null
            : typedBeneficiary.replaceAll("[\\s-]", "").toUpperCase();
    VoucherProgramme programme = programmes.getOwn(programmeId);
    if (quantity < 1 || quantity > IssuanceBatch.MAX_QUANTITY) {
      throw BusinessException.unprocessable(
          "INVALID_QUANTITY", "A batch issues 1 to " + IssuanceBatch.MAX_QUANTITY + " vouchers");
    }
    if (programme.nominative() && (beneficiaryRef == null || beneficiaryRef.isBlank())) {
      throw BusinessException.unprocessable(
          "BENEFICIARY_REQUIRED", "A nominative programme's voucher names its beneficiary");
    }
    if (programme.nominative() && quantity != 1) {
      throw BusinessException.unprocessable(
          "INVALID_QUANTITY", "A nominative voucher is issued one at a time");
    }
    if (programme.isExpiredOn(LocalDate.now(clock))) {
      throw BusinessException.unprocessable(
          "PROGRAMME_ENDED", "The programme's validity and tolerance are over");
    }
    LocalDateTime now = LocalDateTime.now(clock);
    IssuanceBatch batch =
        new IssuanceBatch(
            programmeId, quantity, blankToNull(beneficiaryRef), caller.username(), now);
    if (quantity > SYNC_LIMIT) {
      requireNoBackgroundBatch(programmeId);
      batch.runInBackground();
    }
    try {
      em.persist(batch);
      em.flush();
    } catch (PersistenceException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw batchRunning("Another batch of this programme has just started");
      }
      throw e;
    }
    audit.record(
        VoucherAudit.VOUCHERS_ISSUED,
        "VoucherProgramme",
        programmeId,
        "batch " + batch.id() + ", " + quantity + " vouchers");
    if (quantity <= SYNC_LIMIT) {
      List<String> codes =
          writer.insert(batch.id(), programmeId, batch.beneficiaryRef(), quantity, now);
      writer.finishInCurrent(batch.id(), now);
      em.refresh(batch);
      return new Issued(batch, codes);
    }
    long batchId = batch.id();
    String token = leases.newToken();
    leases.startBatch(
        IssuanceWriter.LEASE + batchId,
        caller.territoryId(),
        token,
        "0 of " + quantity + " vouchers");
    AfterCommit.run(transactions, () -> executor.submit(() -> runInBackground(batchId, token)));
    return new Issued(batch, List.of());
  }

  /**
   * 409 BATCH_RUNNING while a background batch of the programme runs (or waits to be taken over
   * after its instance died).
   */
  private void requireNoBackgroundBatch(long programmeId) {
    List<?> running =
        em.createNativeQuery("select id from issuance_batch where running_programme_id = ?")
            .setParameter(1, programmeId)
            .getResultList();
    if (!running.isEmpty()) {
      throw batchRunning(
          "Batch "
              + running.get(0)
              + " of this programme is still being issued: follow it at /api/v1/voucher-programs/"
              + programmeId
              + "/batches/"
              + running.get(0));
    }
  }

  private static BusinessException batchRunning(String detail) {
    return BusinessException.conflict("BATCH_RUNNING", detail);
  }

  @Override
  public String leasePrefix() {
    return IssuanceWriter.LEASE;
  }

  @Override
  public void resume(long batchId, String token) {
    executor.submit(() -> runInBackground(batchId, token));
  }

  /** Writes what is left of a background batch while this instance holds its lease. */
  void runInBackground(long batchId, String token) {
    try {
      IssuanceWriter.State state = writer.state(batchId);
      int done = state.issued();
      while (done < state.quantity()) {
        int count = Math.min(CHUNK, state.quantity() - done);
        writeChunkWithRetry(
            batchId, token, state.programmeId(), state.beneficiaryRef(), count, state.at());
        done += count;
      }
      writer.finish(batchId, token, LocalDateTime.now(clock));
    } catch (RuntimeException e) {
      if (leaseLost(e)) {
        LOG.info(
            () ->
                LogLine.of("batch-lease-lost")
                    .with("batch", IssuanceWriter.LEASE + batchId)
                    .with("instance", leases.instanceId())
                    .toString());
        return;
      }
      LOG.log(Level.SEVERE, "Issuance batch " + batchId + " failed", e);
      writer.fail(batchId, token, String.valueOf(e.getMessage()), LocalDateTime.now(clock));
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

  /** A chunk that hit an (astronomically unlikely) code collision is written again, new codes. */
  private void writeChunkWithRetry(
      long batchId,
      String token,
      long programmeId,
      String beneficiaryRef,
      int count,
      LocalDateTime at) {
    for (int attempt = 1; ; attempt++) {
      try {
        writer.insertChunk(batchId, token, programmeId, beneficiaryRef, count, at);
        return;
      } catch (RuntimeException e) {
        if (attempt == 3 || leaseLost(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * How a batch's vouchers stand: how many are still ISSUED (what a cancellation of the batch would
   * withdraw), held by an open order, redeemed, expired, cancelled; and their face value.
   */
  public record BatchVouchers(
      long batchId,
      long faceValueCents,
      int issued,
      int held,
      int redeemed,
      int expired,
      int cancelled) {

    /** The face value of the vouchers still ISSUED. */
    public long issuedValueCents() {
      return faceValueCents * issued;
    }

    /** The vouchers a cancellation of the batch leaves as they are (held, used, expired). */
    public int kept() {
      return held + redeemed + expired;
    }
  }

  /** The vouchers of a batch of the caller's own authority, counted by status. */
  public BatchVouchers vouchersOf(long programmeId, long batchId) {
    VoucherProgramme programme = programmes.getOwn(programmeId);
    batchOf(programmeId, batchId);
    Map<String, Integer> counts = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select status, count(*) from voucher where batch_id = ? group by status")
            .setParameter(1, batchId)
            .getResultList()) {
      Object[] columns = (Object[]) row;
      counts.put((String) columns[0], ((Number) columns[1]).intValue());
    }
    return new BatchVouchers(
        batchId,
        programme.faceValue().cents(),
        counts.getOrDefault("ISSUED", 0),
        counts.getOrDefault("HELD", 0),
        counts.getOrDefault("REDEEMED", 0),
        counts.getOrDefault("EXPIRED", 0),
        counts.getOrDefault("CANCELLED", 0));
  }

  /**
   * The funder withdraws a whole batch (issued by mistake, lost in the post): every voucher of it
   * still ISSUED is CANCELLED, in one conditional update; the vouchers held by an open order, used
   * or expired stay as they are. A batch still being written is 409 BATCH_RUNNING; one with nothing
   * left to cancel (a repeat, or all used) 409 BATCH_NOT_CANCELLABLE, so that of two cancellations
   * exactly one succeeds.
   *
   * @return how many were cancelled now, and how the batch's vouchers stand afterwards
   */
  @Transactional
  public BatchCancelled cancelBatch(long programmeId, long batchId) {
    IssuanceBatch batch = getOwnBatch(programmeId, batchId);
    if (batch.status() == IssuanceBatch.Status.RUNNING) {
      throw BusinessException.conflict(
          "BATCH_RUNNING", "The batch is still being issued: cancel it once it is done");
    }
    LocalDateTime now = LocalDateTime.now(clock);
    int cancelled =
        em.createNativeQuery(
                "update voucher set status = 'CANCELLED', cancelled_at = ?"
                    + " where batch_id = ? and status = 'ISSUED'")
            .setParameter(1, Timestamp.valueOf(now))
            .setParameter(2, batchId)
            .executeUpdate();
    if (cancelled == 0) {
      throw BusinessException.conflict(
          "BATCH_NOT_CANCELLABLE", "No voucher of this batch is left to cancel");
    }
    BatchVouchers after = vouchersOf(programmeId, batchId);
    audit.record(
        VoucherAudit.VOUCHER_BATCH_CANCELLED,
        "IssuanceBatch",
        batchId,
        cancelled + " vouchers cancelled, " + after.kept() + " kept (held, used or expired)");
    return new BatchCancelled(cancelled, after.faceValueCents() * cancelled, after);
  }

  /** A batch cancelled: how many vouchers now, their face value, and the batch afterwards. */
  public record BatchCancelled(int cancelledCount, long cancelledValueCents, BatchVouchers batch) {}

  public IssuanceBatch getBatch(long programmeId, long batchId) {
    programmes.getVisible(programmeId);
    return batchOf(programmeId, batchId);
  }

  /** A batch of a programme of the caller's own authority (the codes are its to print). */
  public IssuanceBatch getOwnBatch(long programmeId, long batchId) {
    programmes.getOwn(programmeId);
    return batchOf(programmeId, batchId);
  }

  private IssuanceBatch batchOf(long programmeId, long batchId) {
    IssuanceBatch batch = em.find(IssuanceBatch.class, batchId);
    if (batch == null || batch.programmeId() != programmeId) {
      throw BusinessException.notFound("Issuance batch");
    }
    if (em.contains(batch)) {
      em.refresh(batch);
    }
    return batch;
  }

  public List<IssuanceBatch> batches(long programmeId) {
    programmes.getVisible(programmeId);
    return em.createNamedQuery("IssuanceBatch.findByProgramme", IssuanceBatch.class)
        .setParameter("programme", programmeId)
        .getResultList();
  }

  /** The vouchers of a batch, in issue order, from {@code first}, at most {@code max}. */
  public List<Voucher> vouchersOf(long batchId, int first, int max) {
    return em.createNamedQuery("Voucher.findByBatch", Voucher.class)
        .setParameter("batch", batchId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The codes of a batch for a French spreadsheet (the page's download): the code as printed, its
   * state in words ({@link SpreadsheetCsv}).
   */
  public void writeCodesSheet(long batchId, OutputStream out) {
    try (SpreadsheetCsv.Sheet sheet = SpreadsheetCsv.open(out, List.of("Code du bon", "État"))) {
      eachCode(
          batchId,
          (code, status) ->
              sheet.row(
                  List.of(
                      VoucherCode.group(code), DocumentFrench.label("voucherStatus." + status))));
    }
  }

  /** The codes of a batch as CSV ({@code code,status}), read through a cursor. */
  public void writeCodesCsv(long batchId, OutputStream out) {
    try (MachineCsv.Lines csv = MachineCsv.open(out, "code", "status")) {
      eachCode(batchId, (code, status) -> csv.row(VoucherCode.group(code), status));
    }
  }

  /** The codes of a batch in the order they were drawn, with their state, through a cursor. */
  private void eachCode(long batchId, BiConsumer<String, String> code) {
    Cursor.each(
        dataSource,
        "The codes",
        "select code, status from voucher where batch_id = ? order by id",
        List.of(batchId),
        rows -> code.accept(rows.getString(1), rows.getString(2)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
