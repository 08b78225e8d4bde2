package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.boundary.PageParameters;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.control.Issuance;
import fr.secondevie.vouchers.control.VoucherInfo;
import fr.secondevie.vouchers.control.VoucherLedger;
import fr.secondevie.vouchers.entity.VoucherStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What cannot be undone on the funder's page: cancelling one voucher (lost, handed out by mistake)
 * or a whole batch. Each is done only after the page has said what it withdraws (the code and its
 * value; the batch's count and total value) and the funder has confirmed; a batch's vouchers
 * already used, held or expired are said to stay as they are.
 */
@Named
@ViewScoped
public class CancellationBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject VoucherLedger ledger;
  @Inject Issuance issuance;

  private long id;
  private String cancelCode;
  private transient VoucherInfo voucherToCancel;
  private transient Issuance.BatchVouchers batchToCancel;

  /** The programme the page shows, from the query string of the first request of the view. */
  @PostConstruct
  void init() {
    id = PageParameters.id("id").orElse(0L);
  }

  /** Looks up the typed code and asks to confirm its cancellation (or says why it cannot be). */
  public void findVoucherToCancel() {
    voucherToCancel = null;
    try {
      VoucherInfo found = ledger.check(cancelCode);
      if (found.programmeId() != id) {
        ProgrammeBacking.fieldError("cancel-voucher:cancel-code", "vouchers.cancel.otherProgramme");
        return;
      }
      if (found.status() != VoucherStatus.ISSUED) {
        ProgrammeBacking.fieldError(
            "cancel-voucher:cancel-code",
            "vouchers.cancel.notIssued." + found.status().name(),
            found.code());
        return;
      }
      voucherToCancel = found;
    } catch (BusinessException e) {
      ProgrammeBacking.fieldError(
          "cancel-voucher:cancel-code",
          "MALFORMED_CODE".equals(e.code())
              ? "vouchers.cancel.malformed"
              : "vouchers.cancel.unknown");
    }
  }

  /** Cancels the voucher the funder confirmed. */
  public void cancelVoucher() {
    if (voucherToCancel == null) {
      return;
    }
    try {
      ledger.cancel(voucherToCancel.code());
      PageMessages.info("vouchers.cancel.done", voucherToCancel.code());
      cancelCode = null;
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    voucherToCancel = null;
  }

  public void keepVoucher() {
    voucherToCancel = null;
  }

  /** "Annuler le bon SW4V-N4CK-822H-RS9P (150,00 €) ? Il ne pourra plus servir." */
  public String getVoucherCancelText() {
    if (voucherToCancel == null) {
      return "";
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return PageMessages.text(
        "vouchers.cancel.confirm",
        voucherToCancel.code(),
        Money.ofCents(voucherToCancel.faceValueCents()).format(locale));
  }

  public VoucherInfo getVoucherToCancel() {
    return voucherToCancel;
  }

  public String getCancelCode() {
    return cancelCode;
  }

  public void setCancelCode(String cancelCode) {
    this.cancelCode = cancelCode;
  }

  /** Asks to confirm the cancellation of a batch, with how many vouchers and their value. */
  public void askBatchCancellation(long batchId) {
    try {
      batchToCancel = issuance.vouchersOf(id, batchId);
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
  }

  /** Cancels the batch the funder confirmed: its vouchers not yet used. */
  public void cancelBatch() {
    if (batchToCancel == null) {
      return;
    }
    try {
      Issuance.BatchCancelled done = issuance.cancelBatch(id, batchToCancel.batchId());
      Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
      PageMessages.info(
          done.batch().kept() == 0 ? "vouchers.batchCancel.done" : "vouchers.batchCancel.doneKept",
          NumberFormat.getIntegerInstance(locale).format(done.cancelledCount()),
          Money.ofCents(done.cancelledValueCents()).format(locale),
          NumberFormat.getIntegerInstance(locale).format(done.batch().kept()));
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    batchToCancel = null;
  }

  public void keepBatch() {
    batchToCancel = null;
  }

  public Issuance.BatchVouchers getBatchToCancel() {
    return batchToCancel;
  }

  /**
   * "Annuler le lot n° 12 : 2 498 bons encore valables, soit 374 700,00 €, ne pourront plus servir.
   * 2 bons déjà utilisés ou réservés dans une vente restent valables."
   */
  public List<String> getBatchCancelText() {
    if (batchToCancel == null) {
      return List.of();
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    NumberFormat count = NumberFormat.getIntegerInstance(locale);
    List<String> said = new ArrayList<>();
    said.add(
        PageMessages.text(
            batchToCancel.issued() == 0
                ? "vouchers.batchCancel.nothing"
                : "vouchers.batchCancel.confirm",
            batchToCancel.batchId(),
            count.format(batchToCancel.issued()),
            Money.ofCents(batchToCancel.issuedValueCents()).format(locale)));
    if (batchToCancel.kept() > 0) {
      said.add(
          PageMessages.text(
              "vouchers.batchCancel.kept",
              count.format(batchToCancel.redeemed()),
              count.format(batchToCancel.held()),
              count.format(batchToCancel.expired())));
    }
    if (batchToCancel.cancelled() > 0) {
      said.add(
          PageMessages.text(
              "vouchers.batchCancel.already", count.format(batchToCancel.cancelled())));
    }
    return said;
  }
}
