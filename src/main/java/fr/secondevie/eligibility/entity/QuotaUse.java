package fr.secondevie.eligibility.entity;

import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One device bought against a person's quota, by the sale named in {@code reference}. Read here;
 * written by one INSERT of {@code Beneficiaries.consumeQuota}, which needs no id back.
 */
@Entity
@Table(name = "quota_use")
public class QuotaUse {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "beneficiary_id", nullable = false, updatable = false)
  private String beneficiaryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private DeviceCategory category;

  @Column(nullable = false, updatable = false)
  private String reference;

  @Column(name = "used_at", nullable = false, updatable = false)
  private LocalDateTime usedAt;

  protected QuotaUse() {}

  public DeviceCategory category() {
    return category;
  }

  public LocalDateTime usedAt() {
    return usedAt;
  }
}
