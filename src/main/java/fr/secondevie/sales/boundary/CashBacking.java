package fr.secondevie.sales.boundary;

import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.sales.control.CashSessions;
import fr.secondevie.sales.control.SalesJournal;
import fr.secondevie.sales.entity.CashSession;
import fr.secondevie.sales.entity.CashSessionStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The relay's drawer at the counter: open it with the float in the morning, see what it should
 * hold, close it with the cash counted at night and print the closing report; the last closings,
 * and the verification of the relay's inalterable journal.
 */
@Named
@RequestScoped
public class CashBacking {

  @Inject CashSessions sessions;
  @Inject SalesJournal journal;
  @Inject Caller caller;
  @Inject FacesContext faces;

  private Optional<CashSession> current;
  private SalesJournal.Verification verification;

  public long getRelayId() {
    return caller.organisationId();
  }

  public CashSession getCurrent() {
    if (current == null) {
      current = sessions.current(getRelayId());
    }
    return current.orElse(null);
  }

  /** What the open drawer should hold now: the float and the cash taken since. */
  public long getExpectedCents() {
    CashSession open = getCurrent();
    return open == null ? 0 : open.openingFloat().cents() + sessions.cashTaken(open.id());
  }

  public List<CashSession> getClosings() {
    return sessions.list(getRelayId(), CashSessionStatus.CLOSED).stream().limit(10).toList();
  }

  public SalesJournal.Verification getVerification() {
    return verification;
  }

  public String open() {
    Money amount = typed("float");
    if (amount == null) {
      return null;
    }
    return act(() -> sessions.open(getRelayId(), amount.cents()), "cash.opened");
  }

  public String close() {
    Money amount = typed("counted");
    CashSession open = getCurrent();
    if (amount == null || open == null) {
      return null;
    }
    return act(() -> sessions.close(getRelayId(), open.id(), amount.cents()), "cash.closed");
  }

  public void verify() {
    verification = journal.verify(getRelayId());
  }

  private String act(java.util.function.Supplier<CashSession> use, String doneKey) {
    try {
      CashSession session = use.get();
      PageMessages.info(
          doneKey, session.closingNumber() == null ? "" : String.valueOf(session.closingNumber()));
      PageMessages.keepForRedirect();
      return "/app/counter/cash.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  private Money typed(String field) {
    String value = faces.getExternalContext().getRequestParameterMap().get(field);
    try {
      Money amount = Money.parse(value == null ? "" : value.replace(" ", "").replace(" ", ""));
      if (amount.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return amount;
    } catch (RuntimeException e) {
      PageMessages.refused(
          BusinessException.badRequest("INVALID_AMOUNT", "Not an amount: " + value));
      return null;
    }
  }
}
