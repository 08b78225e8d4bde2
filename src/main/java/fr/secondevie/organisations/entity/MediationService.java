package fr.secondevie.organisations.entity;

import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A digital-mediation service a relay offers (e.g. a two-hour getting-started workshop), at a price
 * a pass numérique can pay.
 */
@Entity
@Table(name = "mediation_service")
@NamedQuery(
    name = "MediationService.findOfRelay",
    query = "select s from MediationService s where s.relay.id = :relay order by s.name, s.id")
@NamedQuery(
    name = "MediationService.countOfRelay",
    query = "select count(s) from MediationService s where s.relay.id = :relay")
public class MediationService {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "relay_id")
  private Organisation relay;

  @Column(nullable = false)
  private String name;

  @Column(name = "duration_minutes", nullable = false)
  private int durationMinutes;

  @Column(name = "price_cents", nullable = false)
  private Money price;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  /**
   * The relay's getting-started workshop, which the sale screen suggests when training is advised.
   */
  @Column(name = "getting_started", nullable = false)
  private boolean gettingStarted;

  protected MediationService() {}

  public MediationService(
      Organisation relay, String name, int durationMinutes, Money price, LocalDateTime createdAt) {
    if (relay == null || relay.kind() != OrganisationKind.RELAY) {
      throw new IllegalArgumentException("A mediation service is offered by a relay");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A mediation service has a name");
    }
    if (durationMinutes < 1) {
      throw new IllegalArgumentException("A mediation service lasts at least a minute");
    }
    if (price == null || price.isNegative()) {
      throw new IllegalArgumentException("A mediation service costs zero or more");
    }
    this.relay = relay;
    this.name = name.trim();
    this.durationMinutes = durationMinutes;
    this.price = price;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public Organisation relay() {
    return relay;
  }

  public String name() {
    return name;
  }

  public int durationMinutes() {
    return durationMinutes;
  }

  public Money price() {
    return price;
  }

  /** Marks this service as the relay's getting-started workshop (or not). */
  public MediationService gettingStarted(boolean gettingStarted) {
    this.gettingStarted = gettingStarted;
    return this;
  }

  public boolean isGettingStarted() {
    return gettingStarted;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }
}
