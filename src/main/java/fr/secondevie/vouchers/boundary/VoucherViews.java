package fr.secondevie.vouchers.boundary;

import fr.secondevie.vouchers.control.Issuance;
import fr.secondevie.vouchers.control.Reconciliation.Summary;
import fr.secondevie.vouchers.control.VoucherInfo;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.StatementLine;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The JSON shapes of the vouchers API (API.md "Vouchers"). */
public final class VoucherViews {

  private VoucherViews() {}

  /** A programme. */
  public record ProgramView(
      long id,
      String name,
      String kind,
      long funderId,
      String funder,
      long faceValueCents,
      LocalDate validFrom,
      LocalDate validUntil,
      int toleranceDays,
      LocalDate acceptedUntil,
      boolean nominative,
      List<String> postalCodePrefixes,
      String conditions,
      String serviceCode,
      String commitmentNumber) {
    static ProgramView of(VoucherProgramme p, String funder) {
      return new ProgramView(
          p.id(),
          p.name(),
          p.kind().name(),
          p.authorityId(),
          funder,
          p.faceValue().cents(),
          p.validFrom(),
          p.validUntil(),
          p.toleranceDays(),
          p.lastDayAccepted(),
          p.nominative(),
          p.prefixes(),
          p.conditions(),
          p.serviceCode(),
          p.commitmentNumber());
    }
  }

  /** The programme as a voucher names it. */
  public record ProgramRef(long id, String name, String kind, String funder) {}

  /** A voucher as a counter checks it. */
  public record VoucherView(
      String code,
      long faceValueCents,
      String status,
      LocalDate validUntil,
      LocalDate acceptedUntil,
      ProgramRef program) {
    static VoucherView of(VoucherInfo v) {
      return new VoucherView(
          v.code(),
          v.faceValueCents(),
          v.status().name(),
          v.validUntil(),
          v.acceptedUntil(),
          new ProgramRef(v.programmeId(), v.programmeName(), v.kind().name(), v.funderName()));
    }
  }

  /** Vouchers issued at once. */
  public record IssuedView(int issued, List<String> codes, long batchId) {
    static IssuedView of(IssuanceBatch batch, List<String> codes) {
      return new IssuedView(
          codes.size(), codes.stream().map(VoucherCode::group).toList(), batch.id());
    }
  }

  /** A batch and its progress. */
  public record BatchView(
      long batchId,
      long programId,
      int quantity,
      int issued,
      int percent,
      String status,
      LocalDateTime createdAt,
      LocalDateTime finishedAt,
      String progress) {
    static BatchView of(IssuanceBatch b, String progress) {
      return new BatchView(
          b.id(),
          b.programmeId(),
          b.quantity(),
          b.issuedCount(),
          b.percent(),
          b.status().name(),
          b.createdAt(),
          b.finishedAt(),
          progress);
    }
  }

  /**
   * A batch cancelled: how many vouchers were withdrawn now and their face value, and how the
   * batch's vouchers stand afterwards (the held, used and expired ones kept as they were).
   */
  public record BatchCancellationView(
      long batchId, int cancelledCount, long cancelledValueCents, BatchVouchersView vouchers) {
    static BatchCancellationView of(Issuance.BatchCancelled c) {
      Issuance.BatchVouchers b = c.batch();
      return new BatchCancellationView(
          b.batchId(),
          c.cancelledCount(),
          c.cancelledValueCents(),
          new BatchVouchersView(b.issued(), b.held(), b.redeemed(), b.expired(), b.cancelled()));
    }
  }

  /** A batch's vouchers by status. */
  public record BatchVouchersView(int issued, int held, int redeemed, int expired, int cancelled) {}

  /** The reconciliation of API.md (with the months, for the charts). */
  public record ReconciliationView(
      long issuedCount,
      long redeemedCount,
      long redeemedAppliedCents,
      long outstandingCount,
      long expiredCount,
      long cancelledCount,
      List<RelayLine> byRelay,
      List<MonthLine> byMonth) {
    public record RelayLine(long relayId, String relayName, long count, long appliedCents) {}

    public record MonthLine(String month, long count, long appliedCents) {}

    static ReconciliationView of(Summary s) {
      return new ReconciliationView(
          s.issuedCount(),
          s.redeemedCount(),
          s.redeemedAppliedCents(),
          s.outstandingCount(),
          s.expiredCount(),
          s.cancelledCount(),
          s.byRelay().stream()
              .map(r -> new RelayLine(r.relayId(), r.relayName(), r.count(), r.appliedCents()))
              .toList(),
          s.byMonth().stream()
              .map(m -> new MonthLine(m.month(), m.count(), m.appliedCents()))
              .toList());
    }
  }

  /** One line of a statement. */
  public record LineView(
      String code, LocalDateTime at, Long orderId, long faceValueCents, long amountCents) {
    static LineView of(StatementLine l) {
      return new LineView(
          VoucherCode.group(l.voucherCode()),
          l.occurredAt(),
          l.orderId(),
          l.faceValue().cents(),
          l.amount().cents());
    }
  }

  /**
   * A monthly statement (lines only when asked for one statement); {@code provisional} while its
   * month is not over (it cannot be agreed or paid yet).
   */
  public record StatementView(
      long id,
      long programId,
      String kind,
      Long relayId,
      String relayName,
      String month,
      String status,
      int itemCount,
      long amountCents,
      LocalDateTime createdAt,
      LocalDateTime agreedAt,
      LocalDateTime paidAt,
      boolean provisional,
      LocalDate agreementDate,
      String agreementReference,
      LocalDate paymentDate,
      String paymentReference,
      String invoiceNumber,
      List<LineView> lines) {
    static StatementView of(
        Statement s,
        String relayName,
        boolean provisional,
        String invoiceNumber,
        List<StatementLine> lines) {
      return new StatementView(
          s.id(),
          s.programmeId(),
          s.kind().name(),
          s.relayId(),
          relayName,
          s.period().toString(),
          s.status().name(),
          s.itemCount(),
          s.amount().cents(),
          s.createdAt(),
          s.agreedAt(),
          s.paidAt(),
          provisional,
          s.agreementDate(),
          s.agreementReference(),
          s.paymentDate(),
          s.paymentReference(),
          invoiceNumber,
          lines == null ? null : lines.stream().map(LineView::of).toList());
    }
  }

  /** The statements of one month. */
  public record MonthStatementsView(long programId, String month, List<StatementView> statements) {}
}
