package fr.secondevie.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A Stripe Terminal reader of a relay, registered at the relay's Terminal Location by the code it
 * displayed. Its Stripe id ({@code tmr_…}) is its identity here too. The status ({@code online},
 * {@code offline}) is the last one Stripe gave.
 */
@Entity
@Table(name = "card_reader")
@NamedQuery(
    name = "CardReader.findByRelay",
    query = "select r from CardReader r where r.relayId = :relay order by r.registeredAt, r.id")
public class CardReader {

  @Id private String id;

  @Column(name = "relay_id", nullable = false)
  private long relayId;

  @Column(nullable = false)
  private String label;

  @Column(name = "device_type")
  private String deviceType;

  @Column(name = "serial_number")
  private String serialNumber;

  private String status;

  @Column(name = "registered_at", nullable = false)
  private LocalDateTime registeredAt;

  @Column(name = "registered_by", nullable = false)
  private String registeredBy;

  protected CardReader() {}

  public CardReader(
      String id,
      long relayId,
      String label,
      String deviceType,
      String serialNumber,
      String status,
      LocalDateTime registeredAt,
      String registeredBy) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A reader has Stripe's id");
    }
    this.id = id;
    this.relayId = relayId;
    this.label = label;
    this.deviceType = deviceType;
    this.serialNumber = serialNumber;
    this.status = status;
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
  }

  /** Stripe told us the reader's status again. */
  public void seen(String status) {
    this.status = status;
  }

  public String id() {
    return id;
  }

  public long relayId() {
    return relayId;
  }

  public String label() {
    return label;
  }

  public String deviceType() {
    return deviceType;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public String status() {
    return status;
  }

  public LocalDateTime registeredAt() {
    return registeredAt;
  }

  public String registeredBy() {
    return registeredBy;
  }
}
