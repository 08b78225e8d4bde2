package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.boundary.MonthTyped;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.control.Invoices;
import fr.secondevie.vouchers.control.Issuance;
import fr.secondevie.vouchers.control.Programmes;
import fr.secondevie.vouchers.control.Reconciliation;
import fr.secondevie.vouchers.control.Reconciliation.Period;
import fr.secondevie.vouchers.control.Reconciliation.Summary;
import fr.secondevie.vouchers.control.Statements;
import fr.secondevie.vouchers.control.VoucherDocuments;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One programme for its funder: issue a batch and follow its progress, download the codes and the
 * sheets, read the reconciliation, draw up the monthly statements. Agreeing and paying them is
 * {@link SettlementBacking}'s, cancelling vouchers and batches {@link CancellationBacking}'s.
 */
@Named
@ViewScoped
public class ProgrammeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Programmes programmes;
  @Inject Issuance issuance;
  @Inject Reconciliation reconciliation;
  @Inject Statements statements;
  @Inject VoucherDocuments documents;

  private long id;
  private transient VoucherProgramme programme;
  private String funder;

  /** Above this many vouchers, the page asks to confirm the count and the total value. */
  static final int CONFIRM_ABOVE = 10;

  private Integer quantity = 10;
  private Integer pendingQuantity;
  private String beneficiaryId;
  private List<String> lastCodes = List.of();
  @Inject Clock clock;

  private String month;
  private String serviceCode;
  private String commitmentNumber;
  @Inject Invoices invoices;
  private transient Map<Long, Invoices.Issued> issued;

  /** Loads the programme named by the {@code id} view parameter (another's is not found). */
  public void load() {
    try {
      programme = programmes.getVisible(id);
      funder = programmes.funderName(programme);
      serviceCode = programme.serviceCode();
      commitmentNumber = programme.commitmentNumber();
    } catch (BusinessException notFound) {
      programme = null;
    }
  }

  /**
   * Issues the typed number of vouchers. A number out of bounds is said at the field, never
   * changed; more than {@link #CONFIRM_ABOVE} vouchers are issued only once the funder has seen
   * their count and total value and confirmed that very number.
   */
  public void issue() {
    if (quantity == null || quantity < 1 || quantity > IssuanceBatch.MAX_QUANTITY) {
      pendingQuantity = null;
      fieldError("issue:quantity", "vouchers.field.quantity.invalid");
      return;
    }
    if (quantity > CONFIRM_ABOVE && !quantity.equals(pendingQuantity)) {
      pendingQuantity = quantity;
      return;
    }
    pendingQuantity = null;
    try {
      Issuance.Issued issued = issuance.issue(id, quantity, beneficiaryId);
      lastCodes = issued.codes();
      info(issued.inBackground() ? "vouchers.issue.started" : "vouchers.issue.done");
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
  }

  /** Back to the number, without issuing. */
  public void changeQuantity() {
    pendingQuantity = null;
  }

  /** The number waiting for the funder's confirmation, if any. */
  public Integer getPendingQuantity() {
    return pendingQuantity;
  }

  /** "Vous allez émettre 100 000 bons de 50,00 €, soit 5 000 000,00 € au total." */
  public String getConfirmText() {
    if (pendingQuantity == null || programme == null) {
      return "";
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return PageMessages.text(
        "vouchers.issue.confirm",
        NumberFormat.getIntegerInstance(locale).format(pendingQuantity),
        programme.faceValue().format(locale),
        Money.ofCents(programme.faceValue().cents() * pendingQuantity).format(locale));
  }

  /** A message under the field, from the bundle, and the request marked as failed. */
  static void fieldError(String clientId, String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        clientId,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, PageMessages.text(key, arguments), null));
    faces.validationFailed();
  }

  public void drawUp() {
    Optional<YearMonth> typed = MonthTyped.read(month);
    if (typed.isEmpty()) {
      fieldError("statements-form:month", "vouchers.field.month.invalid");
      return;
    }
    try {
      statements.drawUp(id, typed.get());
      month = typed.get().toString();
      info("vouchers.statements.drawn");
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
  }

  /** The funder records the references its relays' invoices are to carry for Chorus Pro. */
  public void saveInvoicing() {
    try {
      programme =
          programmes.setInvoicingReferences(
              id, new Programmes.InvoicingReferences(serviceCode, commitmentNumber));
      info("vouchers.invoicing.saved");
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
  }

  /**
   * Whether the statement's invoice can be had: a relay's agreed (or paid) statement with an amount
   * due; the link issues it the first time it is followed.
   */
  public boolean invoiceable(Statement statement) {
    return statement.kind() == Statement.Kind.RELAY_PAYMENT
        && statement.status() != Statement.Status.DRAFT
        && statement.amount().cents() > 0;
  }

  /** The number of the statement's invoice once issued, else null. */
  public String invoiceNumber(Statement statement) {
    if (issued == null) {
      issued = invoices.issuedFor(id);
    }
    Invoices.Issued invoice = issued.get(statement.id());
    return invoice == null ? null : invoice.number();
  }

  public String getServiceCode() {
    return serviceCode;
  }

  public void setServiceCode(String serviceCode) {
    this.serviceCode = serviceCode;
  }

  public String getCommitmentNumber() {
    return commitmentNumber;
  }

  public void setCommitmentNumber(String commitmentNumber) {
    this.commitmentNumber = commitmentNumber;
  }

  public List<IssuanceBatch> getBatches() {
    return issuance.batches(id);
  }

  public boolean isRunning() {
    return getBatches().stream().anyMatch(b -> b.status() == IssuanceBatch.Status.RUNNING);
  }

  private transient Summary summary;
  private transient FacesContext summaryRequest;

  /** The reconciliation, computed once per request (the page reads it many times). */
  public Summary getSummary() {
    FacesContext request = FacesContext.getCurrentInstance();
    if (summary == null || summaryRequest != request) {
      summary = reconciliation.summary(id, Period.of(null, null));
      summaryRequest = request;
    }
    return summary;
  }

  /** The amounts paid by month as a Chart.js bar chart (the table below says the same in text). */
  public String getMonthChart() {
    return barChart(
        getSummary().byMonth().stream().map(m -> m.month().toString()).toList(),
        getSummary().byMonth().stream().map(m -> m.appliedCents()).toList());
  }

  /** The amounts paid by relay as a Chart.js horizontal bar chart. */
  public String getRelayChart() {
    return barChart(
        getSummary().byRelay().stream().map(r -> r.relayName()).toList(),
        getSummary().byRelay().stream().map(r -> r.appliedCents()).toList());
  }

  private static String barChart(List<String> labels, List<Long> cents) {
    var values = jakarta.json.Json.createArrayBuilder();
    cents.forEach(c -> values.add(java.math.BigDecimal.valueOf(c, 2)));
    var names = jakarta.json.Json.createArrayBuilder();
    labels.forEach(names::add);
    return jakarta.json.Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            jakarta.json.Json.createObjectBuilder()
                .add("labels", names)
                .add(
                    "datasets",
                    jakarta.json.Json.createArrayBuilder()
                        .add(
                            jakarta.json.Json.createObjectBuilder()
                                .add("label", "€")
                                .add("data", values)
                                .add("backgroundColor", "#0b5d3b")
                                .add("maxBarThickness", 48))))
        .add(
            "options",
            jakarta.json.Json.createObjectBuilder()
                .add("animation", false)
                .add(
                    "plugins",
                    jakarta.json.Json.createObjectBuilder()
                        .add(
                            "legend",
                            jakarta.json.Json.createObjectBuilder().add("display", false))))
        .build()
        .toString();
  }

  /** The largest monthly or relay amount, for the length of the bars. */
  public long getMaxApplied() {
    Summary s = getSummary();
    long max = 1;
    for (var m : s.byMonth()) {
      max = Math.max(max, m.appliedCents());
    }
    for (var r : s.byRelay()) {
      max = Math.max(max, r.appliedCents());
    }
    return max;
  }

  public List<Statement> getStatements() {
    return statements.list(id);
  }

  public String relayName(Statement statement) {
    return statements.relayName(statement);
  }

  public StreamedContent codes(long batchId) {
    issuance.getOwnBatch(id, batchId);
    return DefaultStreamedContent.builder()
        .name("bons-lot-" + batchId + "-tableur.csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(out -> issuance.writeCodesSheet(batchId, out))
        .build();
  }

  public StreamedContent sheet(long batchId) {
    return download(documents.batchSheet(id, batchId, 0, 1000));
  }

  public StreamedContent reconciliationCsv() {
    long programmeId = programmes.getVisible(id).id();
    return DefaultStreamedContent.builder()
        .name("rapprochement-programme-" + programmeId + "-tableur.csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(out -> reconciliation.writeSheet(programmeId, Period.of(null, null), out))
        .build();
  }

  public StreamedContent statementPdf(long statementId) {
    return download(documents.statementOf(id, statementId));
  }

  private static StreamedContent download(Document document) {
    return DefaultStreamedContent.builder()
        .name(document.filename())
        .contentType(Document.PDF)
        .stream(() -> new ByteArrayInputStream(document.pdf()))
        .build();
  }

  private static void info(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, msg.getString(key), null));
  }

  public VoucherProgramme getProgramme() {
    if (programme == null && id > 0) {
      load();
    }
    return programme;
  }

  /** An amount in cents as the reader's language writes it ("1 250,00 €"). */
  public String euros(long cents) {
    return fr.secondevie.platform.entity.Money.ofCents(cents)
        .format(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  public String getPrefixes() {
    return String.join(", ", getProgramme().prefixes());
  }

  public String getFunder() {
    return funder;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public Integer getQuantity() {
    return quantity;
  }

  public void setQuantity(Integer quantity) {
    this.quantity = quantity;
  }

  public String getBeneficiaryId() {
    return beneficiaryId;
  }

  public void setBeneficiaryId(String beneficiaryId) {
    this.beneficiaryId = beneficiaryId;
  }

  public List<String> getLastCodes() {
    return lastCodes.stream().map(fr.secondevie.vouchers.entity.VoucherCode::group).toList();
  }

  /** The month to draw up, last month unless one was typed: "11/2026". */
  public String getMonth() {
    if (month == null) {
      YearMonth last = YearMonth.now(clock).minusMonths(1);
      month = String.format("%02d/%d", last.getMonthValue(), last.getYear());
    }
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
  }
}
