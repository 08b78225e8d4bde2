package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.vouchers.control.VoucherInfo;
import fr.secondevie.vouchers.control.VoucherLedger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The counter's check of a voucher: the agent types the code or scans it (a scanner types it into
 * the field) and reads its status in plain words.
 */
@Named
@RequestScoped
public class CheckBacking {

  @Inject VoucherLedger ledger;

  private String code;
  private VoucherInfo voucher;
  private String problem;

  public void check() {
    voucher = null;
    problem = null;
    try {
      voucher = ledger.check(code);
      if (ledger.awaitingHandover(code)) {
        voucher = null;
        problem = "vouchers.check.notHandedOver";
      }
    } catch (BusinessException e) {
      problem = e.status() == 400 ? "vouchers.check.malformed" : "vouchers.check.unknown";
    }
  }

  /** An amount in cents as the reader's language writes it ("1 250,00 €"). */
  public String euros(long cents) {
    return fr.secondevie.platform.entity.Money.ofCents(cents)
        .format(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public VoucherInfo getVoucher() {
    return voucher;
  }

  public String getProblem() {
    return problem;
  }
}
