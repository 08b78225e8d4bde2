package fr.secondevie.sales.boundary;

import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.payments.control.PaymentGateway;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.sales.control.CardPayments;
import fr.secondevie.sales.control.Checkout;
import fr.secondevie.sales.control.CounterLookups;
import fr.secondevie.sales.control.OrderOpening;
import fr.secondevie.sales.control.OrderSummary;
import fr.secondevie.sales.control.Orders;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.vouchers.control.VoucherLedger;
import fr.secondevie.vouchers.entity.VoucherCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The counter's sale screen, one step after the other, each said in words: scan the person's
 * attestation, scan the devices (a barcode scanner types the serial number and Enter), tick the
 * services, reserve; then scan vouchers, take the rest in cash or by card, complete and print. The
 * page keeps nothing in the session: before the order exists, what was scanned travels in the
 * address (person, devices); afterwards the order's number does, and every act reloads the order
 * from the database (Post/Redirect/Get), so a refresh never repeats a payment.
 */
@Named
@RequestScoped
public class SaleBacking {

  @Inject CounterLookups lookups;
  @Inject OrderOpening opening;
  @Inject Orders orders;
  @Inject Checkout checkout;
  @Inject CardPayments payments;
  @Inject PaymentGateway cards;
  @Inject FacesContext faces;
  @Inject Clock clock;

  private String person;
  private boolean servicesOnly;
  private List<CounterLookups.ServiceOffer> bearerServices = List.of();
  private CounterLookups.Preview preview;
  private OrderSummary order;
  private boolean orderNotFound;
  private List<String> quotaWarnings;

  @PostConstruct
  void load() {
    Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
    Optional<Long> orderId = number(params.get("order"));
    if (orderId.isPresent()) {
      try {
        order = orders.read(orderId.get());
      } catch (BusinessException e) {
        orderNotFound = true;
      }
      return;
    }
    if ("1".equals(params.get("bearer"))) {
      // mediation services without a file, paid by bearer passes (issue 17, part 4)
      servicesOnly = true;
      bearerServices = lookups.servicesHere();
      return;
    }
    person = blankToNull(params.get("person"));
    if (person == null) {
      return;
    }
    String scanned = blankToNull(params.get("scan"));
    preview =
        lookups.preview(
            person,
            Arrays.stream(Optional.ofNullable(params.get("devices")).orElse("").split(","))
                .map(SaleBacking::number)
                .flatMap(Optional::stream)
                .toList(),
            scanned);
    if (preview.scanNotFound()) {
      PageMessages.refusedAt(
          "scan",
          new BusinessException(
              404, "DEVICE_NOT_ON_SALE_HERE", "No device " + scanned + " on sale here"));
    }
  }

  /** Reserves the scanned devices and ticked services: the order is open. */
  public String open() {
    Map<String, String[]> values = faces.getExternalContext().getRequestParameterValuesMap();
    List<OrderOpening.ServiceRequest> chosen =
        Arrays.stream(Optional.ofNullable(values.get("service")).orElse(new String[0]))
            .map(SaleBacking::number)
            .flatMap(Optional::stream)
            .map(id -> new OrderOpening.ServiceRequest(id, 1))
            .toList();
    if (servicesOnly) {
      if (chosen.isEmpty()) {
        PageMessages.refused(
            new BusinessException(
                400, "INVALID_INPUT", PageMessages.text("sale.servicesOnly.noneChosen")));
        return null;
      }
      return act(() -> opening.open(null, List.of(), chosen), "sale.opened");
    }
    List<Long> devices =
        getPreviews().stream().map(CounterLookups.DevicePreview::deviceId).toList();
    return act(() -> opening.open(person, devices, chosen), "sale.opened");
  }

  /**
   * Applies the scanned voucher. A voucher already on the order is said to be so (nothing changes);
   * a voucher worth more than what was left to pay is applied for that much, and the agent is told
   * how much of it is lost, with the voucher's "Retirer" button beside it for a person who would
   * rather keep it.
   */
  public String addVoucher() {
    String typed = param("voucher");
    if (typed == null) {
      return null;
    }
    String code;
    try {
      code = VoucherLedger.parse(typed).value();
    } catch (BusinessException e) {
      PageMessages.refusedAt("voucher", e);
      return null;
    }
    if (order.vouchers().stream().anyMatch(v -> v.code().equals(code))) {
      PageMessages.info("sale.voucherAlready", VoucherCode.group(code));
      return redirectTo(order);
    }
    try {
      OrderSummary result = checkout.addVoucher(order.id(), code);
      result.vouchers().stream()
          .filter(v -> v.code().equals(code) && v.faceValueCents() > v.appliedCents())
          .findFirst()
          .ifPresentOrElse(
              v ->
                  PageMessages.info(
                      "sale.voucherAdded.partly",
                      euros(v.appliedCents()),
                      euros(v.faceValueCents()),
                      euros(v.faceValueCents() - v.appliedCents())),
              () -> PageMessages.info("sale.voucherAdded"));
      return redirectTo(result);
    } catch (BusinessException e) {
      PageMessages.refusedAt("voucher", e);
      return null;
    }
  }

  /**
   * How long the order's devices and vouchers stay held: "Réservé jusqu'à 14:35, encore 28 min"
   * (the hold job releases them after that).
   */
  public String getHoldText() {
    if (order == null || order.expiresAt() == null || !"OPEN".equals(order.status())) {
      return "";
    }
    long minutes =
        Math.max(0, Duration.between(LocalDateTime.now(clock), order.expiresAt()).toMinutes());
    return PageMessages.text(
        "sale.hold", DateTimeFormatter.ofPattern("HH:mm").format(order.expiresAt()), minutes);
  }

  /** A printed code in its groups, as on the voucher sheet: "SW4V-N4CK-822H-RS9P". */
  public String grouped(String code) {
    return VoucherCode.group(code);
  }

  public String removeVoucher() {
    String code = param("remove");
    return act(() -> checkout.removeVoucher(order.id(), code), "sale.voucherRemoved");
  }

  /**
   * Takes a line off the open order: its device is on sale again; a voucher that pays nothing any
   * more is given back, and said so.
   */
  public String removeLine() {
    Optional<Long> line = number(param("line"));
    if (line.isEmpty()) {
      return null;
    }
    try {
      OrderSummary result = checkout.removeLine(order.id(), line.get().intValue());
      List<String> kept =
          result.vouchers().stream().map(OrderSummary.AppliedVoucher::code).toList();
      List<String> givenBack =
          order.vouchers().stream()
              .map(OrderSummary.AppliedVoucher::code)
              .filter(code -> !kept.contains(code))
              .map(VoucherCode::group)
              .toList();
      if (givenBack.isEmpty()) {
        PageMessages.info("sale.lineRemoved");
      } else {
        PageMessages.info("sale.lineRemoved.vouchers", String.join(", ", givenBack));
      }
      return redirectTo(result);
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  /** The question asked before a line goes, written for a JavaScript string in single quotes. */
  public String removeLineQuestion(OrderSummary.Line line) {
    String what =
        "DEVICE".equals(line.kind())
            ? PageMessages.text("category." + line.category()) + " " + line.serialNumber()
            : line.label();
    return PageMessages.text("sale.line.remove.confirm", what)
        .replace("\\", "\\\\")
        .replace("'", "\\'");
  }

  /** The scanned devices but this one, for the link that takes it off the list before reserving. */
  public String devicesWithout(long deviceId) {
    return getPreviews().stream()
        .map(CounterLookups.DevicePreview::deviceId)
        .filter(id -> id != deviceId)
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }

  public String payCash() {
    Money amount;
    try {
      amount = Money.parse(Optional.ofNullable(param("cash")).orElse("").replace(" ", ""));
    } catch (RuntimeException e) {
      PageMessages.refusedAt("cash", new BusinessException(400, "INVALID_AMOUNT", "Not an amount"));
      return null;
    }
    // More cash than is due is what the person handed over: take what is due, say the change.
    long due = order.dueCents();
    if (amount.cents() > due && due > 0) {
      long change = amount.cents() - due;
      try {
        OrderSummary result = payments.pay(order.id(), PaymentMethod.CASH, due).order();
        PageMessages.info(
            "sale.cashTaken.change", euros(due), euros(amount.cents()), euros(change));
        return redirectTo(result);
      } catch (BusinessException e) {
        PageMessages.refusedAt("cash", e);
        return null;
      }
    }
    try {
      OrderSummary result = payments.pay(order.id(), PaymentMethod.CASH, amount.cents()).order();
      PageMessages.info("sale.cashTaken");
      return redirectTo(result);
    } catch (BusinessException e) {
      PageMessages.refusedAt("cash", e);
      return null;
    }
  }

  public String payCard() {
    return act(
        () -> payments.pay(order.id(), PaymentMethod.CARD, order.dueCents()).order(),
        "sale.cardStarted");
  }

  public String complete() {
    return act(() -> checkout.complete(order.id()), "sale.completed");
  }

  public String cancel() {
    return act(() -> payments.cancel(order.id()), "sale.cancelled");
  }

  private String act(Supplier<OrderSummary> use, String doneKey) {
    try {
      OrderSummary result = use.get();
      PageMessages.info(doneKey);
      return redirectTo(result);
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  private static String redirectTo(OrderSummary result) {
    PageMessages.keepForRedirect();
    return "/app/counter/sale.xhtml?faces-redirect=true&order=" + result.id();
  }

  private String param(String name) {
    return blankToNull(faces.getExternalContext().getRequestParameterMap().get(name));
  }

  private static Optional<Long> number(String value) {
    try {
      return value == null || value.isBlank()
          ? Optional.empty()
          : Optional.of(Long.valueOf(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String getPerson() {
    return person;
  }

  public Beneficiaries.Eligibility getEligibility() {
    return preview == null ? null : preview.eligibility();
  }

  public boolean isPersonNotFound() {
    return preview != null && preview.personNotFound();
  }

  public String getDevicesParam() {
    return getPreviews().stream()
        .map(p -> String.valueOf(p.deviceId()))
        .collect(Collectors.joining(","));
  }

  /**
   * What the person's quotas refuse among the scanned devices, said before "Réserver" (the order
   * would be refused with QUOTA_EXCEEDED): one sentence per category over its quota, empty when the
   * list fits.
   */
  public List<String> getQuotaWarnings() {
    // asked three times a render (the warning, its lines, the disabled button): said once
    if (quotaWarnings == null) {
      quotaWarnings = quotaWarnings();
    }
    return quotaWarnings;
  }

  private List<String> quotaWarnings() {
    Beneficiaries.Eligibility eligibility = getEligibility();
    if (eligibility == null || !eligibility.eligible() || getPreviews().isEmpty()) {
      return List.of();
    }
    Map<String, Long> scanned =
        getPreviews().stream()
            .collect(
                Collectors.groupingBy(
                    CounterLookups.DevicePreview::category,
                    java.util.LinkedHashMap::new,
                    Collectors.counting()));
    List<String> warnings = new java.util.ArrayList<>();
    scanned.forEach(
        (category, count) -> {
          Integer left =
              DeviceCategory.named(category)
                  .map(c -> eligibility.devicesLeftByCategory().get(c))
                  .orElse(null);
          if (left != null && count > left) {
            warnings.add(
                PageMessages.text(
                    "sale.quota.over", PageMessages.text("category." + category), count, left));
          }
        });
    if (warnings.isEmpty() && getPreviews().size() > eligibility.devicesLeft()) {
      warnings.add(
          PageMessages.text("sale.quota.overAll", getPreviews().size(), eligibility.devicesLeft()));
    }
    return warnings;
  }

  public List<CounterLookups.DevicePreview> getPreviews() {
    return preview == null ? List.of() : preview.devices();
  }

  public List<CounterLookups.ServiceOffer> getServices() {
    return servicesOnly ? bearerServices : preview == null ? List.of() : preview.services();
  }

  /** Whether the screen sells mediation services without a file (no attestation scanned). */
  public boolean isServicesOnly() {
    return servicesOnly;
  }

  /** Devices on sale here of the category the social worker advised, not scanned yet. */
  public List<CounterLookups.DevicePreview> getSuggested() {
    return preview == null ? List.of() : preview.suggested();
  }

  /** The scanned devices and this one: the link that adds a suggested device. */
  public String devicesWith(long deviceId) {
    String scanned = getDevicesParam();
    return scanned.isEmpty() ? String.valueOf(deviceId) : scanned + "," + deviceId;
  }

  /** Whether the service is the relay's getting-started workshop and training was advised. */
  public boolean isAdvised(CounterLookups.ServiceOffer service) {
    Beneficiaries.Eligibility eligibility = getEligibility();
    return service.gettingStarted() && eligibility != null && eligibility.needsTraining();
  }

  public OrderSummary getOrder() {
    return order;
  }

  public boolean isOrderNotFound() {
    return orderNotFound;
  }

  /** Whether this installation takes cards (a Stripe key is set); else the button is not shown. */
  public boolean isCardAvailable() {
    return cards.available();
  }

  public boolean isCardPending() {
    return order != null && order.pendingCents() > 0;
  }

  /** Cents as the counter reads them: "12,50 €". */
  public String euros(long cents) {
    return Money.ofCents(cents).format(Locale.FRANCE);
  }

  /** The amount to type for cash, prefilled with what is due: "12,50". */
  public String dueAsTyped() {
    return order == null
        ? ""
        : Money.ofCents(order.dueCents()).toEuros().toPlainString().replace('.', ',');
  }
}
