package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.boundary.PageParameters;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.vouchers.control.Statements;
import fr.secondevie.vouchers.entity.Statement;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The agreement and the payment of a programme's monthly statements on the funder's page: each asks
 * for its date (today unless typed) and a reference (the decision; for a payment, the mandate's
 * number, required), and says what was recorded in the statement's row. A statement of a month not
 * over is marked provisional and offers neither.
 */
@Named
@ViewScoped
public class SettlementBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  @Inject Statements statements;
  @Inject Clock clock;

  private long id;
  private Long settling;
  private Statement.Status settlingTo;
  private String settleDate;
  private String settleReference;

  /** The programme the page shows, from the query string of the first request of the view. */
  @PostConstruct
  void init() {
    id = PageParameters.id("id").orElse(0L);
  }

  /**
   * Opens the agreement of a statement: the page asks for its date (today, unless typed) and a
   * reference before it is agreed, which freezes it.
   */
  public void agree(long statementId) {
    settle(statementId, Statement.Status.AGREED);
  }

  /** Opens the payment of a statement: its date and the payment mandate's number are asked. */
  public void pay(long statementId) {
    settle(statementId, Statement.Status.PAID);
  }

  private void settle(long statementId, Statement.Status to) {
    settling = statementId;
    settlingTo = to;
    settleDate = DAY.format(LocalDate.now(clock));
    settleReference = null;
  }

  /** Agrees or pays the statement opened by {@link #agree} or {@link #pay} with what was typed. */
  public void confirmSettlement() {
    Optional<LocalDate> date = day(settleDate);
    boolean paying = settlingTo == Statement.Status.PAID;
    if (date.isEmpty()) {
      ProgrammeBacking.fieldError("statements-form:settle-date", "vouchers.settle.date.invalid");
      return;
    }
    if (paying && (settleReference == null || settleReference.isBlank())) {
      ProgrammeBacking.fieldError(
          "statements-form:settle-reference", "vouchers.settle.mandate.required");
      return;
    }
    Statements.Settlement settlement = new Statements.Settlement(date.get(), settleReference);
    try {
      if (paying) {
        statements.pay(id, settling, settlement);
      } else {
        statements.agree(id, settling, settlement);
      }
      PageMessages.info(paying ? "vouchers.settle.paid" : "vouchers.settle.agreed");
      settling = null;
    } catch (BusinessException e) {
      if ("INVALID_INPUT".equals(e.code())) {
        ProgrammeBacking.fieldError("statements-form:settle-date", "vouchers.settle.date.invalid");
      } else {
        PageMessages.refused(e);
      }
    }
  }

  /** Back to the list, without agreeing or paying. */
  public void cancelSettlement() {
    settling = null;
  }

  /** A day as people type it: 05/12/2026 (or 5/12/2026, 2026-12-05). */
  static Optional<LocalDate> day(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    for (String pattern : List.of("d/M/uuuu", "uuuu-M-d", "d.M.uuuu", "d-M-uuuu")) {
      try {
        return Optional.of(
            LocalDate.parse(
                typed.strip(),
                DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)));
      } catch (DateTimeParseException e) {
        // the next way of writing a day
      }
    }
    return Optional.empty();
  }

  /** Whether the statement's month is not over: shown as provisional, not to agree or pay yet. */
  public boolean provisional(Statement statement) {
    return statement.isProvisionalOn(LocalDate.now(clock));
  }

  /** What was recorded of the agreement and the payment: "Validé le 05/12/2026, réf. D-12". */
  public List<String> settlementOf(Statement st) {
    List<String> said = new ArrayList<>();
    if (st.agreementDate() != null) {
      said.add(
          PageMessages.text(
              st.agreementReference() == null
                  ? "vouchers.settle.agreedOn"
                  : "vouchers.settle.agreedOn.ref",
              DAY.format(st.agreementDate()),
              st.agreementReference()));
    }
    if (st.paymentDate() != null) {
      said.add(
          PageMessages.text(
              st.paymentReference() == null
                  ? "vouchers.settle.paidOn"
                  : "vouchers.settle.paidOn.ref",
              DAY.format(st.paymentDate()),
              st.paymentReference()));
    }
    return said;
  }

  /** The statement being agreed or paid, if any. */
  public Statement getSettling() {
    return settling == null
        ? null
        : statements.list(id).stream()
            .filter(st -> st.id().equals(settling))
            .findFirst()
            .orElse(null);
  }

  public boolean isSettlingPayment() {
    return settlingTo == Statement.Status.PAID;
  }

  /** "Valider le relevé de novembre 2026 du Relais numérique Amiens Nord (35,00 €) :" */
  public String getSettlingText() {
    Statement st = getSettling();
    if (st == null) {
      return "";
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return PageMessages.text(
        isSettlingPayment() ? "vouchers.settle.payText" : "vouchers.settle.agreeText",
        st.period().format(DateTimeFormatter.ofPattern("MM/uuuu")),
        st.relayId() == null
            ? PageMessages.text("vouchers.statement.credit")
            : statements.relayName(st),
        st.amount().format(locale));
  }

  public String getSettleDate() {
    return settleDate;
  }

  public void setSettleDate(String settleDate) {
    this.settleDate = settleDate;
  }

  public String getSettleReference() {
    return settleReference;
  }

  public void setSettleReference(String settleReference) {
    this.settleReference = settleReference;
  }
}
