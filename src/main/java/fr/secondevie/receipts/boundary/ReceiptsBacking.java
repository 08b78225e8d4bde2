package fr.secondevie.receipts.boundary;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.boundary.PageParameters;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.receipts.control.TaxReceipts;
import fr.secondevie.receipts.entity.TaxReceipt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The admin's receipts of a year (with the totals to declare) and the received donations still
 * waiting for theirs; the donor's own receipts.
 */
@Named
@RequestScoped
public class ReceiptsBacking {

  @Inject TaxReceipts receipts;
  @Inject fr.secondevie.receipts.control.ReceiptBatches batches;
  @Inject FacesContext faces;
  @Inject Clock clock;

  private int year;
  private List<TaxReceipt> list;
  private TaxReceipts.Summary summary;
  private List<Donation> waiting;
  private Long waitingCount;

  @PostConstruct
  void load() {
    String asked = faces.getExternalContext().getRequestParameterMap().get("year");
    year =
        asked != null && asked.matches("\\d{4}")
            ? Integer.parseInt(asked)
            : Year.now(clock).getValue();
    list = receipts.list(year);
  }

  public TaxReceipts.Summary getSummary() {
    if (summary == null) {
      summary = receipts.summary(year);
    }
    return summary;
  }

  public fr.secondevie.platform.entity.Money getIssuedAmount() {
    return fr.secondevie.platform.entity.Money.ofCents(getSummary().issuedAmountCents());
  }

  /** How many donations wait in all, when the page lists only the oldest of them. */
  public long getWaitingCount() {
    if (waitingCount == null) {
      waitingCount = receipts.countWaitingForReceipt();
    }
    return waitingCount;
  }

  public boolean isWaitingCut() {
    return getWaitingCount() > getWaiting().size();
  }

  public List<Donation> getWaiting() {
    if (waiting == null) {
      waiting = receipts.donationsWaitingForReceipt();
    }
    return waiting;
  }

  public String issue(long donationId) {
    try {
      TaxReceipt receipt = receipts.issue(donationId);
      faces.getExternalContext().getFlash().put("issued", receipt.number());
      return "/app/admin/tax-receipts.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  /** Starts the batch of every waiting receipt and shows its progress. */
  public String startBatch() {
    try {
      var batch = batches.start();
      return "/app/admin/tax-receipts.xhtml?faces-redirect=true&batch=" + batch.id();
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  /** The batch named in the address, if any. */
  public fr.secondevie.receipts.entity.ReceiptBatch getBatch() {
    return PageParameters.id("batch")
        .flatMap(
            id -> {
              try {
                return java.util.Optional.of(batches.get(id));
              } catch (BusinessException e) {
                return java.util.Optional.empty();
              }
            })
        .orElse(null);
  }

  public int getYear() {
    return year;
  }

  public List<TaxReceipt> getList() {
    return list;
  }

  /** The year's receipts and totals for a French spreadsheet. */
  public StreamedContent sheet() {
    return DefaultStreamedContent.builder()
        .name("recus-fiscaux-" + year + "-tableur.csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(out -> receipts.writeSheet(year, out))
        .build();
  }
}
