package fr.secondevie.sales.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.payments.control.PaymentGateway;
import fr.secondevie.payments.entity.CardPaymentSettled;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.BusinessException;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.pricing.control.PriceEngine;
import fr.secondevie.pricing.control.PricingRules;
import fr.secondevie.sales.entity.LineKind;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.OrderStatus;
import fr.secondevie.sales.entity.OrderVoucher;
import fr.secondevie.sales.entity.Payment;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.PaymentStatus;
import fr.secondevie.sales.entity.SaleOrder;
import fr.secondevie.vouchers.control.VoucherInfo;
import fr.secondevie.vouchers.control.VoucherLedger;
import fr.secondevie.vouchers.entity.VoucherStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The counter's use cases, one transaction each: open an order, put a voucher on it or take it off,
 * take a payment, complete, cancel. Every act first locks the order row, so two counters acting on
 * one order queue up; devices are locked row by row in id order (no deadlock between two orders),
 * vouchers change hands through the ledger's conditional updates and quota units under the person's
 * row lock. Completion does everything or nothing: devices SOLD, vouchers REDEEMED with each
 * funder's share, quota units taken, receipt numbered, in one transaction.
 */
@ApplicationScoped
public class Checkout {

  private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

  /** A mediation service asked for, and how many times. */
  public record ServiceRequest(long serviceId, int quantity) {}

  @PersistenceContext EntityManager em;
  @Inject Beneficiaries beneficiaries;
  @Inject PricingRules pricing;
  @Inject VoucherLedger ledger;
  @Inject PaymentGateway gateway;
  @Inject SaleReceiptNumbers receiptNumbers;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Settings settings;
  @Inject Clock clock;

  /**
   * Opens an order at the caller's relay: the person must be eligible today with quota left for
   * every device (422 NOT_ELIGIBLE, QUOTA_EXCEEDED), each device on sale at this relay (another
   * relay's is not found; one sold or held by another order is 409 DEVICE_UNAVAILABLE). Devices
   * become RESERVED, prices come from the pricing engine with the person's tier.
   */
  @Transactional
  public OrderSummary open(
      String beneficiaryId, List<Long> deviceIds, List<ServiceRequest> services) {
    long relayId = caller.organisationId();
    LocalDateTime now = LocalDateTime.now(clock);
    Beneficiaries.Eligibility eligibility = beneficiaries.eligibility(beneficiaryId);
    if (!eligibility.eligible()) {
      throw BusinessException.unprocessable("NOT_ELIGIBLE", "This person is not eligible today");
    }
    List<Device> devices = new ArrayList<>();
    for (Long id : new TreeSet<>(deviceIds)) {
      devices.add(lockDeviceOfRelay(id, relayId));
    }
    Map<DeviceCategory, Integer> wanted = new LinkedHashMap<>();
    devices.forEach(d -> wanted.merge(d.category(), 1, Integer::sum));
    wanted.forEach(
        (category, count) -> {
          if (eligibility.devicesLeftByCategory().getOrDefault(category, 0) < count) {
            throw BusinessException.unprocessable(
                "QUOTA_EXCEEDED", "This person's quota of " + category + " is used up");
          }
        });
    PriceEngine engine = pricing.engine();
    List<OrderLine> lines = new ArrayList<>();
    for (Long id : deviceIds) {
      Device device = devices.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
      if (device.status() != DeviceStatus.AVAILABLE) {
        throw BusinessException.conflict(
            "DEVICE_UNAVAILABLE",
            "Device " + device.serialNumber() + " is sold or in another order");
      }
      PriceEngine.Quote quote =
          engine.quote(
              device.listPrice(), device.category(), eligibility.tier(), device.publicOrigin());
      device.reserve(now);
      lines.add(
          OrderLine.device(
              device.id(),
              device.brandAndModel().isEmpty() ? device.category().name() : device.brandAndModel(),
              device.category(),
              device.serialNumber(),
              device.grade(),
              quote.listPrice(),
              quote.price()));
    }
    for (ServiceRequest request : services) {
      MediationService service = em.find(MediationService.class, request.serviceId());
      if (service == null || !Objects.equals(service.relay().id(), relayId)) {
        throw BusinessException.notFound("Service");
      }
      lines.add(
          OrderLine.service(service.id(), service.name(), request.quantity(), service.price()));
    }
    SaleOrder order =
        new SaleOrder(relayId, Beneficiary.normalise(beneficiaryId), caller.username(), now, lines);
    em.persist(order);
    em.flush();
    audit.record(
        "ORDER_OPENED",
        "SaleOrder",
        order.id(),
        lines.size() + " lines, " + order.total().cents() + " cents");
    return summary(order);
  }

  /**
   * Puts a voucher on the order. Refusals: 409 VOUCHER_UNAVAILABLE (held by another order, used or
   * cancelled), 422 VOUCHER_EXPIRED, 422 VOUCHER_NOT_APPLICABLE (wrong kind, territory or person,
   * or nothing left to pay on the lines it may pay). The hold itself is the ledger's conditional
   * update: of 50 orders trying one voucher, one gets it.
   */
  @Transactional
  public OrderSummary addVoucher(long orderId, String typedCode) {
    String code = VoucherLedger.parse(typedCode).value();
    SaleOrder order = lockOwn(orderId);
    if (order.isOpen() && order.voucher(code).isPresent()) {
      return summary(order);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    order.touch(now);
    VoucherInfo info = ledger.check(code);
    if (info.status() == VoucherStatus.EXPIRED) {
      throw BusinessException.unprocessable(
          "VOUCHER_EXPIRED", "This voucher was accepted until " + info.acceptedUntil());
    }
    if (info.status() != VoucherStatus.ISSUED) {
      throw BusinessException.conflict(
          "VOUCHER_UNAVAILABLE", "This voucher is held by another order or already used");
    }
    if (info.beneficiaryRef() != null && !info.beneficiaryRef().equals(order.beneficiaryId())) {
      throw BusinessException.unprocessable(
          "VOUCHER_NOT_APPLICABLE", "This voucher is bound to another person");
    }
    if (!info.postalCodePrefixes().isEmpty()) {
      String postalCode = beneficiaries.postalCode(order.beneficiaryId()).orElse("");
      if (info.postalCodePrefixes().stream().noneMatch(postalCode::startsWith)) {
        throw BusinessException.unprocessable(
            "VOUCHER_NOT_APPLICABLE", "This voucher is not valid where this person lives");
      }
    }
    OrderVoucher applied =
        order.applyVoucher(
            code,
            info.programmeId(),
            info.programmeName(),
            info.kind().name(),
            info.funderId(),
            info.funderName(),
            Money.ofCents(info.faceValueCents()),
            now);
    ledger.holdAt(code, orderId, order.beneficiaryId(), now);
    audit.record(
        "ORDER_VOUCHER_ADDED",
        "SaleOrder",
        orderId,
        code + " covers " + applied.applied().cents() + " cents");
    return summary(order);
  }

  /** Takes a voucher off an open order and gives it back; one not on the order is not found. */
  @Transactional
  public OrderSummary removeVoucher(long orderId, String typedCode) {
    String code = VoucherLedger.parse(typedCode).value();
    SaleOrder order = lockOwn(orderId);
    if (!order.removeVoucher(code)) {
      throw BusinessException.notFound("Voucher on this order");
    }
    order.touch(LocalDateTime.now(clock));
    ledger.release(code, orderId);
    audit.record("ORDER_VOUCHER_REMOVED", "SaleOrder", orderId, code);
    return summary(order);
  }

  /** The answer to a payment: the payment, and the order it belongs to. */
  public record PaymentTaken(OrderSummary.PaymentSummary payment, OrderSummary order) {}

  /**
   * Takes cash (succeeded at once) or starts a card payment: a PaymentIntent created with an
   * idempotency key derived from the payment, settled later by the webhook. More than is due is 422
   * AMOUNT_EXCEEDS_DUE. The card provider is called inside the transaction: if it fails, no payment
   * is recorded and the counter can simply try again.
   */
  @Transactional
  public PaymentTaken pay(long orderId, PaymentMethod method, long amountCents) {
    SaleOrder order = lockOwn(orderId);
    LocalDateTime now = LocalDateTime.now(clock);
    if (method == PaymentMethod.CARD && !gateway.available()) {
      throw new BusinessException(
          503, "CARD_PAYMENTS_UNAVAILABLE", "Card payments are not set up at this relay");
    }
    Payment payment = order.pay(method, Money.ofCents(amountCents), now);
    order.touch(now);
    em.flush();
    String clientSecret = null;
    if (method == PaymentMethod.CARD) {
      PaymentGateway.CardIntent intent =
          gateway.createCardIntent(
              amountCents,
              "secondevie-payment-" + payment.id(),
              Map.of(
                  "order_id", String.valueOf(orderId),
                  "payment_id", String.valueOf(payment.id()),
                  "relay_id", String.valueOf(order.relayId())));
      payment.awaitCard(intent.intentId());
      clientSecret = intent.clientSecret();
    }
    audit.record(
        "ORDER_PAYMENT_" + payment.status(),
        "SaleOrder",
        orderId,
        method + " " + amountCents + " cents, payment " + payment.id());
    return new PaymentTaken(OrderSummary.PaymentSummary.of(payment, clientSecret), summary(order));
  }

  /**
   * Completes a fully paid order: devices SOLD, vouchers REDEEMED (each funder's share recorded for
   * its reconciliation), a quota unit taken per device under the person's row lock (two counters
   * selling the person's last unit: one wins, the other is 422 QUOTA_EXCEEDED and nothing of its
   * sale changes), a receipt number. Anything due or pending is 409 BALANCE_DUE. Completing a paid
   * order again answers the same.
   */
  @Transactional
  public OrderSummary complete(long orderId) {
    SaleOrder order = lockOwn(orderId);
    if (order.status() == OrderStatus.PAID) {
      return summary(order);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    order.touch(now);
    order.requireSettled();
    for (Long id : new TreeSet<>(order.deviceIds())) {
      em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE).sell(now);
    }
    ledger.redeemAt(
        orderId,
        order.relayId(),
        order.vouchers().stream()
            .map(v -> new VoucherLedger.Share(v.code(), v.applied().cents()))
            .toList(),
        now);
    for (var line : order.lines()) {
      if (line.kind() == LineKind.DEVICE) {
        beneficiaries.consumeQuota(
            order.beneficiaryId(), line.category(), String.valueOf(line.deviceId()));
      }
    }
    em.flush(); // write the sale first: the relay's receipt counter stays locked only to commit
    order.complete(receiptNumbers.next(order.relayId(), now.getYear()), now);
    audit.record(
        "ORDER_PAID",
        "SaleOrder",
        orderId,
        "receipt " + order.receiptNumber() + ", " + order.total().cents() + " cents");
    return summary(order);
  }

  /**
   * Cancels an open order at the counter: devices back on sale, vouchers released, a pending card
   * payment cancelled, card payments refunded and cash marked as handed back. Cancelling it again
   * answers the same; a completed sale cannot be cancelled (409 ORDER_NOT_OPEN).
   */
  @Transactional
  public OrderSummary cancel(long orderId) {
    SaleOrder order = lockOwn(orderId);
    if (order.status() == OrderStatus.CANCELLED) {
      return summary(order);
    }
    giveUp(order, OrderStatus.CANCELLED, LocalDateTime.now(clock));
    return summary(order);
  }

  /**
   * Expires one order left alone since before {@code cutoff}, if it still is (another instance's
   * job or a counter may have acted meanwhile: the order row lock decides).
   *
   * @return whether this call expired it
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean expire(long orderId, LocalDateTime cutoff, LocalDateTime now) {
    SaleOrder order = em.find(SaleOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    if (order == null || !order.leftAloneSince(cutoff)) {
      return false;
    }
    giveUp(order, OrderStatus.EXPIRED, now);
    return true;
  }

  /**
   * The card provider settled a payment (webhook, inside the transaction that stored the event).
   * The order is locked first, like every act on it; the payment changes only from a state the
   * event may leave, so a replay or a late failure after a success changes nothing. Money that
   * arrives for an order already given up is refunded at once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void onCardSettled(@Observes CardPaymentSettled event) {
    List<?> owners =
        em.createNativeQuery("select order_id from sale_payment where intent_id = ?")
            .setParameter(1, event.intentId())
            .getResultList();
    if (owners.isEmpty()) {
      LOG.warning(() -> "Stripe event " + event.eventId() + " for unknown " + event.intentId());
      return;
    }
    long orderId = ((Number) owners.get(0)).longValue();
    SaleOrder order = em.find(SaleOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    Payment payment =
        order.payments().stream()
            .filter(p -> event.intentId().equals(p.intentId()))
            .findFirst()
            .orElseThrow();
    LocalDateTime now = LocalDateTime.now(clock);
    boolean changed =
        event.succeeded() ? payment.succeed(now) : payment.fail(event.failureMessage(), now);
    if (!changed) {
      return;
    }
    audit.record(
        event.succeeded() ? "ORDER_CARD_SUCCEEDED" : "ORDER_CARD_FAILED",
        "SaleOrder",
        orderId,
        "payment " + payment.id() + ", event " + event.eventId());
    if (event.succeeded() && !order.isOpen()) {
      payment.refunded(
          gateway.refund(
              payment.intentId(), payment.amount().cents(), "secondevie-refund-" + payment.id()),
          now);
      audit.record(
          "ORDER_CARD_REFUNDED",
          "SaleOrder",
          orderId,
          "payment " + payment.id() + " arrived after the order was " + order.status());
    }
  }

  private void giveUp(SaleOrder order, OrderStatus outcome, LocalDateTime now) {
    order.touch(now);
    for (Long id : new TreeSet<>(order.deviceIds())) {
      Device device = em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (device.status() == DeviceStatus.RESERVED) {
        device.release();
      }
    }
    for (OrderVoucher voucher : order.vouchers()) {
      ledger.release(voucher.code(), order.id());
    }
    for (Payment payment : order.payments()) {
      if (payment.status() == PaymentStatus.PENDING) {
        if (payment.intentId() == null
            || gateway.cancel(payment.intentId(), "secondevie-cancel-" + payment.id())) {
          payment.cancel(now);
        } else {
          // charged a moment ago, before the webhook said so: the money goes back below
          payment.succeed(now);
        }
      }
      if (payment.status() == PaymentStatus.SUCCEEDED) {
        String refund =
            payment.method() == PaymentMethod.CARD
                ? gateway.refund(
                    payment.intentId(),
                    payment.amount().cents(),
                    "secondevie-refund-" + payment.id())
                : null;
        payment.refunded(refund, now);
      }
    }
    order.close(outcome, now);
    audit.record(
        "ORDER_" + outcome,
        "SaleOrder",
        order.id(),
        order.deviceIds().size()
            + " devices and "
            + order.vouchers().size()
            + " vouchers released");
  }

  /** A service the counter can add to an order, with its price. */
  public record ServiceOffer(long id, String name, int durationMinutes, long priceCents) {}

  /** The mediation services of the caller's relay. */
  public List<ServiceOffer> servicesHere() {
    return em.createNamedQuery("MediationService.findOfRelay", MediationService.class)
        .setParameter("relay", caller.organisationId())
        .getResultStream()
        .map(s -> new ServiceOffer(s.id(), s.name(), s.durationMinutes(), s.price().cents()))
        .toList();
  }

  /**
   * The device a counter scanned (its serial number's barcode, or its number typed), if it is on
   * sale at the caller's relay.
   */
  public Optional<Long> deviceOnSaleHere(String scanned) {
    if (scanned == null || scanned.isBlank()) {
      return Optional.empty();
    }
    List<Device> found =
        em.createNamedQuery("Device.findBySerial", Device.class)
            .setParameter("serial", Device.normaliseSerial(scanned))
            .getResultList();
    if (found.isEmpty() && scanned.trim().matches("\\d{1,12}")) {
      found =
          Optional.ofNullable(em.find(Device.class, Long.valueOf(scanned.trim())))
              .map(List::of)
              .orElse(List.of());
    }
    return found.stream()
        .filter(d -> d.status() == DeviceStatus.AVAILABLE)
        .filter(d -> d.relay() != null && d.relay().id() == caller.organisationId())
        .map(Device::id)
        .findFirst();
  }

  /** An order of the caller's relay (admin: any), read without a lock. */
  @Transactional
  public OrderSummary read(long orderId) {
    return summary(own(em.find(SaleOrder.class, orderId)));
  }

  /** The order entity for documents, scoped like {@link #read}. */
  public SaleOrder readEntity(long orderId) {
    return own(em.find(SaleOrder.class, orderId));
  }

  private SaleOrder lockOwn(long orderId) {
    return own(em.find(SaleOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE));
  }

  private SaleOrder own(SaleOrder order) {
    if (order == null
        || !(caller.hasRole(Roles.ADMIN) || order.relayId() == caller.organisationId())) {
      throw BusinessException.notFound("Order");
    }
    return order;
  }

  private Device lockDeviceOfRelay(Long id, long relayId) {
    Device device =
        Optional.ofNullable(id)
            .map(i -> em.find(Device.class, i, LockModeType.PESSIMISTIC_WRITE))
            .filter(d -> d.relay() != null && Objects.equals(d.relay().id(), relayId))
            .orElseThrow(() -> BusinessException.notFound("Device"));
    return device;
  }

  OrderSummary summary(SaleOrder order) {
    return OrderSummary.of(order, settings.orderHoldMinutes());
  }
}
