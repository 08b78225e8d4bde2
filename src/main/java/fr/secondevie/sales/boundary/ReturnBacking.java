package fr.secondevie.sales.boundary;

import fr.secondevie.devices.control.CounterDevices;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.sales.control.Checkout;
import fr.secondevie.sales.control.OrderOpening;
import fr.secondevie.sales.control.OrderSummary;
import fr.secondevie.sales.control.Returns;
import fr.secondevie.sales.entity.ReturnReason;
import fr.secondevie.sales.entity.ReturnVoucher;
import fr.secondevie.sales.entity.SaleReturn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Retour / échange" on the sale screen of a paid order: a device brought back (a defect under the
 * legal warranty, another reason within the return period) is given back by what paid for it, and
 * an exchange goes on in the same flow: the replacement scanned is reserved in a new order for the
 * same person, the vouchers given back are put on it, and the screen shows what is left to pay.
 */
@Named
@RequestScoped
public class ReturnBacking {

  @Inject Returns returns;
  @Inject OrderOpening opening;
  @Inject Checkout checkout;
  @Inject CounterDevices devices;
  @Inject Caller caller;
  @Inject FacesContext faces;

  private List<SaleReturn> ofOrder = List.of();

  @PostConstruct
  void load() {
    Optional<Long> order = number(param("order"));
    if (order.isEmpty()) {
      return;
    }
    try {
      ofOrder = returns.list(order.get());
    } catch (BusinessException notThisRelays) {
      ofOrder = List.of();
    }
  }

  /** The returns of the order shown, oldest first, each with its credit note. */
  public List<SaleReturn> getReturns() {
    return ofOrder;
  }

  public boolean returned(Long deviceId) {
    return ofOrder.stream().anyMatch(r -> deviceId != null && r.deviceId() == deviceId);
  }

  /** What a return gave back, in words: "bon rendu, 80,00 € en espèces". */
  public String givenBack(SaleReturn r) {
    StringBuilder text = new StringBuilder();
    long reinstated = r.vouchers().stream().filter(ReturnVoucher::reinstated).count();
    if (reinstated > 0) {
      text.append(PageMessages.text("return.given.vouchers", reinstated));
    }
    for (var refund : r.refunds()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(
          PageMessages.text(
              "return.given." + refund.method(),
              Money.ofCents(refund.amountCents()).format(Locale.FRANCE)));
    }
    return text.toString();
  }

  /** Returns the device: back to its workshop, and what paid for it given back. */
  public String returnDevice() {
    try {
      SaleReturn done = doReturn();
      if (done == null) {
        return backToOrder();
      }
      PageMessages.info("return.done", done.creditNoteNumber(), givenBack(done));
      PageMessages.keepForRedirect();
      return "/app/counter/sale.xhtml?faces-redirect=true&order=" + done.orderId();
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return backToOrder();
    }
  }

  /**
   * Returns the device and opens the exchange: the replacement scanned reserved for the same person
   * in a new order, with the vouchers given back put on it.
   */
  public String exchange() {
    String scanned = param("replacement");
    Optional<Long> replacement =
        scanned == null ? Optional.empty() : devices.findOnSaleAt(scanned, caller.organisationId());
    if (replacement.isEmpty()) {
      mistake(
          scanned == null ? "return.replacement.required" : "return.replacement.notFound", scanned);
      return backToOrder();
    }
    SaleReturn done;
    try {
      done = doReturn();
      if (done == null) {
        return backToOrder();
      }
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return backToOrder();
    }
    PageMessages.info("return.done", done.creditNoteNumber(), givenBack(done));
    PageMessages.keepForRedirect();
    try {
      String person = returns.beneficiaryOf(done.orderId());
      OrderSummary next = opening.open(person, List.of(replacement.get()), List.of());
      for (ReturnVoucher voucher : done.vouchers()) {
        if (voucher.reinstated()) {
          next = checkout.addVoucher(next.id(), voucher.code());
        }
      }
      PageMessages.info("return.exchange.opened");
      return "/app/counter/sale.xhtml?faces-redirect=true&order=" + next.id();
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return "/app/counter/sale.xhtml?faces-redirect=true&order=" + done.orderId();
    }
  }

  private SaleReturn doReturn() {
    Optional<Long> order = number(param("order"));
    Optional<Long> device = number(param("device"));
    String reason = param("reason");
    if (order.isEmpty() || device.isEmpty()) {
      throw BusinessException.notFound("Device on this order");
    }
    if (reason == null || !(reason.equals("DEFECT") || reason.equals("OTHER"))) {
      mistake("return.reason.required");
      return null;
    }
    String note = param("note");
    if (note != null && note.length() > 500) {
      note = note.substring(0, 500);
    }
    return returns.returnDevice(order.get(), device.get(), ReturnReason.valueOf(reason), note);
  }

  private void mistake(String key, Object... arguments) {
    faces.addMessage(
        null,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, PageMessages.text(key, arguments), null));
  }

  /** The paid order's screen again, as a page of its own, with what was said kept. */
  private String backToOrder() {
    PageMessages.keepForRedirect();
    return number(param("order"))
        .map(id -> "/app/counter/sale.xhtml?faces-redirect=true&order=" + id)
        .orElse(null);
  }

  private String param(String name) {
    Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Optional<Long> number(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Long.valueOf(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
