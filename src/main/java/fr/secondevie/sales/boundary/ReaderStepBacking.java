package fr.secondevie.sales.boundary;

import fr.secondevie.payments.control.CardReaders;
import fr.secondevie.payments.entity.CardReader;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.sales.control.CardPayments;
import fr.secondevie.sales.control.OrderSummary;
import fr.secondevie.sales.control.OrderSummary.PaymentSummary;
import fr.secondevie.sales.entity.PaymentMethod;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The sale screen's card step on a Stripe Terminal reader: pick one of the relay's readers, ask it
 * to take the rest, watch its state (the page asks every two seconds while the card is awaited:
 * waiting, declined, paid, said in a live region) and cancel it. The order comes from {@link
 * SaleBacking}, which reloads it on every request, so the state shown is the database's, which the
 * webhooks settle.
 */
@Named
@RequestScoped
public class ReaderStepBacking {

  @Inject SaleBacking sale;
  @Inject CardReaders readers;
  @Inject CardPayments payments;
  @Inject Caller caller;
  @Inject FacesContext faces;

  private List<CardReader> known;

  /** The relay's readers, as last seen by Stripe. */
  public List<CardReader> getReaders() {
    if (known == null) {
      try {
        known = readers.list(caller.organisationId());
      } catch (BusinessException e) {
        known = List.of();
      }
    }
    return known;
  }

  /** The last payment taken on a reader, if any: what the state region speaks of. */
  public PaymentSummary getLast() {
    OrderSummary order = sale.getOrder();
    if (order == null) {
      return null;
    }
    List<PaymentSummary> onReader =
        order.payments().stream().filter(p -> p.readerId() != null).toList();
    return onReader.isEmpty() ? null : onReader.get(onReader.size() - 1);
  }

  /** Whether a reader is waiting for the card now. */
  public boolean isWaiting() {
    PaymentSummary last = getLast();
    return last != null && "PENDING".equals(last.status());
  }

  /** The label of the reader of the last payment. */
  public String getLastReaderLabel() {
    PaymentSummary last = getLast();
    return last == null
        ? ""
        : readers.known(caller.organisationId()).stream()
            .filter(r -> r.id().equals(last.readerId()))
            .map(CardReader::label)
            .findFirst()
            .orElse(last.readerId());
  }

  /** Asks the chosen reader to take what is due. */
  public String pay() {
    OrderSummary order = sale.getOrder();
    String reader = param("reader");
    if (order == null || reader == null) {
      PageMessages.refused(BusinessException.invalid("reader", "choose a reader"));
      return null;
    }
    try {
      payments.pay(order.id(), PaymentMethod.CARD, order.dueCents(), reader);
      PageMessages.info("reader.asked");
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    return again(order);
  }

  /** Cancels what the reader waits for. */
  public String cancel() {
    OrderSummary order = sale.getOrder();
    PaymentSummary last = getLast();
    if (order == null || last == null) {
      return null;
    }
    try {
      payments.cancelOnReader(order.id(), last.paymentId());
      PageMessages.info("reader.cancelled");
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    return again(order);
  }

  /** What the poll asks: nothing to do, the region is rendered again from the database. */
  public void check() {
    // the order was reloaded by SaleBacking for this request
  }

  private static String again(OrderSummary order) {
    PageMessages.keepForRedirect();
    return "/app/counter/sale.xhtml?faces-redirect=true&order=" + order.id();
  }

  private String param(String name) {
    String value = faces.getExternalContext().getRequestParameterMap().get(name);
    return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::trim).orElse(null);
  }
}
