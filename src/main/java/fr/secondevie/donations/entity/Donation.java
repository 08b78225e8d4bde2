package fr.secondevie.donations.entity;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A lot of used equipment a donor company (or public body) gives to the chain. It is pledged with
 * its lines and the donor's values, then received by the refurbisher who collects it; only then can
 * its devices be registered one by one. Each lot goes to one workshop of the donor's territory, the
 * only one that sees, receives and takes it in. A public body's donation is marked as such: its
 * devices fall under the legal resale price caps.
 */
@Entity
@Table(name = "donation")
@NamedQuery(
    name = "Donation.findOfTerritory",
    query =
        "select d from Donation d join fetch d.donor left join fetch d.workshop"
            + " where d.donor.territoryId = :scope and d.status in :statuses order by d.id desc")
@NamedQuery(
    name = "Donation.findOfWorkshop",
    query =
        "select d from Donation d join fetch d.donor left join fetch d.workshop"
            + " where d.workshop.id = :scope and d.status in :statuses order by d.id desc")
@NamedQuery(
    name = "Donation.findOfDonor",
    query =
        "select d from Donation d join fetch d.donor left join fetch d.workshop"
            + " where d.donor.id = :scope and d.status in :statuses order by d.id desc")
@NamedQuery(
    name = "Donation.findOneOfTerritory",
    query = "select d from Donation d where d.id = :id and d.donor.territoryId = :scope")
@NamedQuery(
    name = "Donation.findOneOfWorkshop",
    query = "select d from Donation d where d.id = :id and d.workshop.id = :scope")
@NamedQuery(
    name = "Donation.findOneOfDonor",
    query = "select d from Donation d where d.id = :id and d.donor.id = :donor")
@NamedQuery(
    name = "Donation.findUnassigned",
    query =
        "select d from Donation d join fetch d.donor where d.workshop is null"
            + " and d.status = :status and d.donor.territoryId = :territory order by d.id")
@NamedQuery(name = "Donation.count", query = "select count(d) from Donation d")
public class Donation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "donor_id")
  private Organisation donor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DonationStatus status;

  @Column(name = "public_origin", nullable = false)
  private boolean publicOrigin;

  @Column(name = "pickup_address", nullable = false)
  private String pickupAddress;

  @Column(name = "available_from", nullable = false)
  private LocalDate availableFrom;

  @Column(name = "pledged_by")
  private String pledgedBy;

  @Column(name = "pledged_at", nullable = false)
  private LocalDateTime pledgedAt;

  @Column(name = "received_at")
  private LocalDateTime receivedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "workshop_id")
  private Organisation workshop;

  @Column(name = "assigned_at")
  private LocalDateTime assignedAt;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "donation_item", joinColumns = @JoinColumn(name = "donation_id"))
  @OrderColumn(name = "line_no")
  private List<DonationItem> items = new ArrayList<>();

  @Version private long version;

  protected Donation() {}

  /** A pledge: the donor's lines, where and from when the lot can be collected. */
  public Donation(
      Organisation donor,
      List<DonationItem> items,
      String pickupAddress,
      LocalDate availableFrom,
      String pledgedBy,
      LocalDateTime pledgedAt) {
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("A donation has at least one line");
    }
    if (pickupAddress == null || pickupAddress.isBlank()) {
      throw new IllegalArgumentException("A donation says where to collect it");
    }
    this.donor = Objects.requireNonNull(donor);
    this.items = new ArrayList<>(items);
    this.pickupAddress = pickupAddress.trim();
    this.availableFrom = Objects.requireNonNull(availableFrom);
    this.pledgedBy = pledgedBy;
    this.pledgedAt = Objects.requireNonNull(pledgedAt);
    this.publicOrigin = donor.publicBody();
    this.status = DonationStatus.PLEDGED;
  }

  /**
   * The refurbisher has collected the lot. Receiving a received donation again changes nothing (a
   * retried call answers the same); returns whether this call changed the state.
   */
  public boolean receive(LocalDateTime at) {
    if (status == DonationStatus.RECEIVED) {
      return false;
    }
    status = DonationStatus.RECEIVED;
    receivedAt = Objects.requireNonNull(at);
    return true;
  }

  /**
   * The workshop that collects, receives and refurbishes the lot: chosen by routing at the pledge,
   * or by the coordination. A lot already received stays with the workshop that has it.
   */
  public void assignTo(Organisation workshop, LocalDateTime at) {
    if (workshop.kind() != OrganisationKind.REFURBISHER) {
      throw new IllegalArgumentException("A lot is assigned to a workshop");
    }
    if (status == DonationStatus.RECEIVED) {
      throw BusinessException.conflict(
          "DONATION_ALREADY_RECEIVED", "Donation " + id + " is already at its workshop");
    }
    this.workshop = workshop;
    this.assignedAt = Objects.requireNonNull(at);
  }

  /** Devices are registered only from a lot the refurbisher has in hand. */
  public void requireReceived() {
    if (status != DonationStatus.RECEIVED) {
      throw BusinessException.unprocessable(
          "DONATION_NOT_RECEIVED", "Donation " + id + " has not been received yet");
    }
  }

  public Money totalValue() {
    return items.stream().map(DonationItem::totalValue).reduce(Money.ZERO, Money::plus);
  }

  public int pledgedQuantity() {
    return items.stream().mapToInt(DonationItem::quantity).sum();
  }

  public Long id() {
    return id;
  }

  public Organisation donor() {
    return donor;
  }

  public DonationStatus status() {
    return status;
  }

  public boolean publicOrigin() {
    return publicOrigin;
  }

  public String pickupAddress() {
    return pickupAddress;
  }

  public LocalDate availableFrom() {
    return availableFrom;
  }

  public String pledgedBy() {
    return pledgedBy;
  }

  public LocalDateTime pledgedAt() {
    return pledgedAt;
  }

  public LocalDateTime receivedAt() {
    return receivedAt;
  }

  /** The workshop the lot is assigned to, or null while the coordination has not chosen one. */
  public Organisation workshop() {
    return workshop;
  }

  public LocalDateTime assignedAt() {
    return assignedAt;
  }

  public List<DonationItem> items() {
    return List.copyOf(items);
  }
}
