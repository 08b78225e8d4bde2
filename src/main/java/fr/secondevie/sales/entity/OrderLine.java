package fr.secondevie.sales.entity;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One line of an order as it was priced when the order was opened: a device (with its serial
 * number, category and grade, as the receipt shows them) or a mediation service times a quantity.
 * The list price is what the device would cost without solidarity pricing; the price is what the
 * person pays, before vouchers.
 */
@Entity
@Table(name = "sale_order_line")
public class OrderLine {

  /** Taken from the database's sequence in blocks of 50 (V162): no round trip after the INSERT. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sale_order_line_id")
  @SequenceGenerator(
      name = "sale_order_line_id",
      sequenceName = "sale_order_line_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "order_id")
  private SaleOrder order;

  @Column(name = "line_number", nullable = false)
  private int lineNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LineKind kind;

  @Column(name = "device_id")
  private Long deviceId;

  @Column(name = "service_id")
  private Long serviceId;

  @Column(nullable = false)
  private int quantity;

  @Column(nullable = false)
  private String label;

  @Enumerated(EnumType.STRING)
  private DeviceCategory category;

  @Column(name = "serial_number")
  private String serialNumber;

  @Enumerated(EnumType.STRING)
  private Grade grade;

  @Column(name = "list_price_cents", nullable = false)
  private Money listPrice;

  @Column(name = "price_cents", nullable = false)
  private Money price;

  protected OrderLine() {}

  private OrderLine(
      LineKind kind,
      Long deviceId,
      Long serviceId,
      int quantity,
      String label,
      DeviceCategory category,
      String serialNumber,
      Grade grade,
      Money listPrice,
      Money price) {
    if (quantity < 1) {
      throw new IllegalArgumentException("A line sells at least one unit");
    }
    if (price.isNegative() || listPrice.isNegative()) {
      throw new IllegalArgumentException("A price cannot be negative");
    }
    this.kind = kind;
    this.deviceId = deviceId;
    this.serviceId = serviceId;
    this.quantity = quantity;
    this.label = Objects.requireNonNull(label);
    this.category = category;
    this.serialNumber = serialNumber;
    this.grade = grade;
    this.listPrice = listPrice;
    this.price = price;
  }

  /** A device at its solidarity price. */
  public static OrderLine device(
      long deviceId,
      String label,
      DeviceCategory category,
      String serialNumber,
      Grade grade,
      Money listPrice,
      Money price) {
    return new OrderLine(
        LineKind.DEVICE,
        deviceId,
        null,
        1,
        label,
        Objects.requireNonNull(category),
        serialNumber,
        grade,
        listPrice,
        price);
  }

  /** A mediation service, {@code quantity} times its unit price. */
  public static OrderLine service(long serviceId, String name, int quantity, Money unitPrice) {
    Money total = unitPrice.times(quantity);
    return new OrderLine(
        LineKind.SERVICE, null, serviceId, quantity, name, null, null, null, total, total);
  }

  void attachTo(SaleOrder order, int lineNumber) {
    this.order = order;
    this.lineNumber = lineNumber;
  }

  public Long id() {
    return id;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public LineKind kind() {
    return kind;
  }

  public Long deviceId() {
    return deviceId;
  }

  public Long serviceId() {
    return serviceId;
  }

  public int quantity() {
    return quantity;
  }

  public String label() {
    return label;
  }

  public DeviceCategory category() {
    return category;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public Grade grade() {
    return grade;
  }

  public Money listPrice() {
    return listPrice;
  }

  public Money price() {
    return price;
  }
}
