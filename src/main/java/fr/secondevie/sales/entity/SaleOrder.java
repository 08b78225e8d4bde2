package fr.secondevie.sales.entity;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sale at a relay counter for one eligible person. It keeps its own arithmetic: the total of its
 * lines, what the vouchers cover (a chèque-équipement pays device lines, a pass numérique service
 * lines, never more than is left on them, never change), what cash and cards paid, what is pending
 * with the card provider and what is still due. It can be completed only when nothing is due or
 * pending. Devices, vouchers and quota units change hands in the use cases around it, under
 * database guards; the order itself is locked (PESSIMISTIC_WRITE) by every act, so two counters
 * working on one order queue up.
 */
@Entity
@Table(name = "sale_order")
@NamedQuery(
    name = "SaleOrder.findLeftAlone",
    query =
        "select o.id from SaleOrder o where o.status = fr.secondevie.sales.entity.OrderStatus.OPEN"
            + " and o.lastActivityAt < :before order by o.id")
public class SaleOrder {

  /** Taken from the database's sequence in blocks of 50 (V162): no round trip after the INSERT. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sale_order_id")
  @SequenceGenerator(
      name = "sale_order_id",
      sequenceName = "sale_order_id_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "relay_id", nullable = false, updatable = false)
  private long relayId;

  @Column(name = "beneficiary_id", updatable = false)
  private String beneficiaryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  @Column(name = "opened_by", nullable = false, updatable = false)
  private String openedBy;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private LocalDateTime openedAt;

  @Column(name = "last_activity_at", nullable = false)
  private LocalDateTime lastActivityAt;

  @Column(name = "closed_at")
  private LocalDateTime closedAt;

  @Column(name = "receipt_number")
  private String receiptNumber;

  @Version private long version;

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNumber")
  private List<OrderLine> lines = new ArrayList<>();

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<OrderVoucher> vouchers = new ArrayList<>();

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
  @OrderBy("id")
  private List<Payment> payments = new ArrayList<>();

  protected SaleOrder() {}

  public SaleOrder(
      long relayId,
      String beneficiaryId,
      String openedBy,
      LocalDateTime openedAt,
      List<OrderLine> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("An order sells at least one device or service");
    }
    if (beneficiaryId == null && lines.stream().anyMatch(l -> l.kind() == LineKind.DEVICE)) {
      throw new IllegalArgumentException("A device is sold to an eligible person");
    }
    this.relayId = relayId;
    // none for mediation services only, paid by bearer passes (issue 17, part 4)
    this.beneficiaryId = beneficiaryId;
    this.openedBy = Objects.requireNonNull(openedBy);
    this.openedAt = Objects.requireNonNull(openedAt);
    this.lastActivityAt = openedAt;
    this.status = OrderStatus.OPEN;
    int number = 1;
    for (OrderLine line : lines) {
      line.attachTo(this, number++);
      this.lines.add(line);
    }
  }

  /** The sum of the lines: what the person would pay without vouchers. */
  public Money total() {
    return lines.stream().map(OrderLine::price).reduce(Money.ZERO, Money::plus);
  }

  /** What the lines would cost without solidarity pricing. */
  public Money listTotal() {
    return lines.stream().map(OrderLine::listPrice).reduce(Money.ZERO, Money::plus);
  }

  /** What the vouchers on the order cover. */
  public Money vouchersApplied() {
    return vouchers.stream().map(OrderVoucher::applied).reduce(Money.ZERO, Money::plus);
  }

  /** What the funders of one programme kind cover. */
  public Money vouchersApplied(LineKind pays) {
    return vouchers.stream()
        .filter(v -> v.pays() == pays)
        .map(OrderVoucher::applied)
        .reduce(Money.ZERO, Money::plus);
  }

  private Money payments(PaymentStatus status) {
    return payments.stream()
        .filter(p -> p.status() == status)
        .map(Payment::amount)
        .reduce(Money.ZERO, Money::plus);
  }

  /** Cash and cards that went through. */
  public Money paidByPayments() {
    return payments(PaymentStatus.SUCCEEDED);
  }

  /** What went through by one means of payment, in cents. */
  public long paidCents(PaymentMethod method) {
    return payments.stream()
        .filter(p -> p.status() == PaymentStatus.SUCCEEDED && p.method() == method)
        .mapToLong(p -> p.amount().cents())
        .sum();
  }

  /** Card payments waiting for the provider. */
  public Money pending() {
    return payments(PaymentStatus.PENDING);
  }

  /** Vouchers plus succeeded payments. */
  public Money paid() {
    return vouchersApplied().plus(paidByPayments());
  }

  /** What is left to pay, not counting what is pending with the card provider. */
  public Money due() {
    return total().minus(paid()).minus(pending()).max(Money.ZERO);
  }

  /** What a voucher paying that kind of line may still cover: never more than is due. */
  public Money payableBy(LineKind pays) {
    Money linesOfKind =
        lines.stream()
            .filter(l -> l.kind() == pays)
            .map(OrderLine::price)
            .reduce(Money.ZERO, Money::plus);
    return linesOfKind.minus(vouchersApplied(pays)).min(due()).max(Money.ZERO);
  }

  /**
   * Puts a voucher on the order for what it may cover: its face value, or less when less is left
   * due on the lines it pays (no change is given).
   *
   * @return what the voucher covers
   */
  public OrderVoucher applyVoucher(
      String code,
      long programmeId,
      String programmeName,
      String kind,
      long funderId,
      String funderName,
      Money faceValue,
      LocalDateTime at) {
    requireOpen();
    Optional<OrderVoucher> already = voucher(code);
    if (already.isPresent()) {
      return already.get();
    }
    LineKind pays = OrderVoucher.linesPaidBy(kind);
    Money applied = faceValue.min(payableBy(pays));
    if (!applied.isGreaterThan(Money.ZERO)) {
      throw BusinessException.unprocessable(
          "VOUCHER_NOT_APPLICABLE",
          pays == LineKind.DEVICE
              ? "Nothing is left to pay on the devices of this order"
              : "Nothing is left to pay on the services of this order");
    }
    OrderVoucher voucher =
        new OrderVoucher(
            code, programmeId, programmeName, kind, funderId, funderName, faceValue, applied, at);
    voucher.attachTo(this);
    vouchers.add(voucher);
    return voucher;
  }

  /** Takes a voucher off the order; whether it was on it. */
  public boolean removeVoucher(String code) {
    requireOpen();
    return vouchers.removeIf(v -> v.code().equals(code));
  }

  /**
   * Takes a line off the open order: a device scanned by mistake, a service the person does not
   * want. The vouchers are checked again against what is left, in the order they were put on: each
   * pays no more than before, no more than is left on the lines it may pay and no more than is left
   * due, and one that pays nothing any more is taken off. The last line is not removed (409
   * LAST_LINE: cancel the order), nor a line whose price cash or a card already covers (409
   * LINE_ALREADY_PAID: the order is cancelled, which hands the money back).
   *
   * @return the vouchers taken off, for the caller to give back
   */
  public List<OrderVoucher> removeLine(int lineNumber) {
    requireOpen();
    OrderLine line =
        line(lineNumber).orElseThrow(() -> BusinessException.notFound("Line on this order"));
    if (lines.size() == 1) {
      throw BusinessException.conflict(
          "LAST_LINE", "This is the order's only line: cancel the order instead");
    }
    Money left = total().minus(line.price());
    if (paidByPayments().plus(pending()).isGreaterThan(left)) {
      throw BusinessException.conflict(
          "LINE_ALREADY_PAID",
          "Cash or a card already pays more than would be left: cancel the order instead");
    }
    lines.remove(line);
    Money dueLeft = left.minus(paidByPayments()).minus(pending());
    Map<LineKind, Money> payable = new EnumMap<>(LineKind.class);
    for (OrderLine l : lines) {
      payable.merge(l.kind(), l.price(), Money::plus);
    }
    List<OrderVoucher> dropped = new ArrayList<>();
    for (OrderVoucher voucher : vouchers) {
      Money applied =
          voucher.applied().min(payable.getOrDefault(voucher.pays(), Money.ZERO)).min(dueLeft);
      if (!applied.isGreaterThan(Money.ZERO)) {
        dropped.add(voucher);
        continue;
      }
      voucher.reduceTo(applied);
      payable.merge(voucher.pays(), applied, Money::minus);
      dueLeft = dueLeft.minus(applied);
    }
    vouchers.removeAll(dropped);
    return dropped;
  }

  public Optional<OrderLine> line(int lineNumber) {
    return lines.stream().filter(l -> l.lineNumber() == lineNumber).findFirst();
  }

  public Optional<OrderVoucher> voucher(String code) {
    return vouchers.stream().filter(v -> v.code().equals(code)).findFirst();
  }

  /** Takes cash (succeeded at once) or starts a card payment (pending), never more than is due. */
  public Payment pay(PaymentMethod method, Money amount, LocalDateTime at) {
    requireOpen();
    if (amount.isGreaterThan(due())) {
      throw BusinessException.unprocessable(
          "AMOUNT_EXCEEDS_DUE",
          "Only " + due().format(Locale.FRANCE) + " is left to pay on this order");
    }
    Payment payment = new Payment(this, method, amount, at);
    payments.add(payment);
    return payment;
  }

  /** Refuses (409 BALANCE_DUE) while anything is due or a card payment is pending. */
  public void requireSettled() {
    requireOpen();
    if (due().isGreaterThan(Money.ZERO) || pending().isGreaterThan(Money.ZERO)) {
      throw BusinessException.conflict(
          "BALANCE_DUE",
          pending().isGreaterThan(Money.ZERO)
              ? "A card payment is still waiting for the bank"
              : "Still due: " + due().format(Locale.FRANCE));
    }
  }

  /** The order is paid in full: it gets its receipt number and is final. */
  public void complete(String receiptNumber, LocalDateTime at) {
    requireSettled();
    this.receiptNumber = Objects.requireNonNull(receiptNumber);
    this.status = OrderStatus.PAID;
    this.closedAt = at;
  }

  /**
   * The order is given up (CANCELLED by the counter, EXPIRED by the hold job). Cash is handed back
   * and a card payment the provider never started is cancelled; the card payments the provider
   * knows are settled with it afterwards, outside any lock ({@link #cardsToSettle}).
   */
  public void close(OrderStatus outcome, LocalDateTime at) {
    if (outcome != OrderStatus.CANCELLED && outcome != OrderStatus.EXPIRED) {
      throw new IllegalArgumentException("An order is given up as CANCELLED or EXPIRED");
    }
    requireOpen();
    for (Payment payment : payments) {
      if (payment.status() == PaymentStatus.PENDING && payment.intentId() == null) {
        payment.cancel(at);
      } else if (payment.status() == PaymentStatus.SUCCEEDED
          && payment.method() == PaymentMethod.CASH) {
        payment.refunded(null, at);
      }
    }
    this.status = outcome;
    this.closedAt = at;
  }

  /**
   * The card payments of a given-up order still to settle with the provider: a pending one is
   * cancelled (or refunded, if the card was charged meanwhile), a succeeded one refunded. None
   * while the order is open.
   */
  public List<Payment> cardsToSettle() {
    if (isOpen()) {
      return List.of();
    }
    return payments.stream()
        .filter(p -> p.method() == PaymentMethod.CARD && p.intentId() != null)
        .filter(p -> p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.SUCCEEDED)
        .toList();
  }

  /**
   * Forgets a card payment whose PaymentIntent could not be created: the provider never started it,
   * nothing was charged, and the counter may try again.
   *
   * @return whether it was forgotten (false once it has an intent or the order was given up)
   */
  public boolean forgetUnstartedCard(Payment payment) {
    if (!isOpen()
        || payment.status() != PaymentStatus.PENDING
        || payment.intentId() != null
        || payment.method() != PaymentMethod.CARD) {
      return false;
    }
    return payments.remove(payment);
  }

  public Optional<Payment> payment(long paymentId) {
    return payments.stream().filter(p -> Objects.equals(p.id(), paymentId)).findFirst();
  }

  /** A counter acted on the order: its hold runs again from now. */
  public void touch(LocalDateTime at) {
    requireOpen();
    this.lastActivityAt = at;
  }

  /** Whether the order was left alone since before {@code cutoff}. */
  public boolean leftAloneSince(LocalDateTime cutoff) {
    return isOpen() && lastActivityAt.isBefore(cutoff);
  }

  public LocalDateTime lastActivityAt() {
    return lastActivityAt;
  }

  public boolean isOpen() {
    return status == OrderStatus.OPEN;
  }

  private void requireOpen() {
    if (status != OrderStatus.OPEN) {
      throw BusinessException.conflict(
          "ORDER_NOT_OPEN", "Order " + id + " is " + status + ": it cannot change any more");
    }
  }

  public List<Long> deviceIds() {
    return lines.stream()
        .filter(l -> l.kind() == LineKind.DEVICE)
        .map(OrderLine::deviceId)
        .toList();
  }

  public Long id() {
    return id;
  }

  public long relayId() {
    return relayId;
  }

  public String beneficiaryId() {
    return beneficiaryId;
  }

  public OrderStatus status() {
    return status;
  }

  public String openedBy() {
    return openedBy;
  }

  public LocalDateTime openedAt() {
    return openedAt;
  }

  public LocalDateTime closedAt() {
    return closedAt;
  }

  public String receiptNumber() {
    return receiptNumber;
  }

  public List<OrderLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  public List<OrderVoucher> vouchers() {
    return Collections.unmodifiableList(vouchers);
  }

  public List<Payment> payments() {
    return Collections.unmodifiableList(payments);
  }
}
