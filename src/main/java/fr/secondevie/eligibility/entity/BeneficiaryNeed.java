package fr.secondevie.eligibility.entity;

import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A social worker's short diagnosis of what a person needs: the uses (a fixed list, no free text),
 * the device category recommended, whether training and a connection are needed. It keeps when it
 * was first made and when the person was first equipped after it, which is what the territory's
 * figures count (diagnosed, equipped, the wait between). A new diagnosis replaces the answers but
 * keeps the first day.
 */
@Entity
@Table(name = "beneficiary_need")
public class BeneficiaryNeed {

  @Id
  @Column(name = "beneficiary_id")
  private String beneficiaryId;

  private String uses;

  @Enumerated(EnumType.STRING)
  @Column(name = "recommended_category")
  private DeviceCategory recommendedCategory;

  @Column(name = "needs_training", nullable = false)
  private boolean needsTraining;

  @Column(name = "needs_connection", nullable = false)
  private boolean needsConnection;

  @Column(name = "diagnosed_at", nullable = false, updatable = false)
  private LocalDateTime diagnosedAt;

  @Column(name = "diagnosed_by")
  private String diagnosedBy;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "equipped_at")
  private LocalDateTime equippedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "equipped_category")
  private DeviceCategory equippedCategory;

  protected BeneficiaryNeed() {}

  public BeneficiaryNeed(String beneficiaryId, LocalDateTime now) {
    this.beneficiaryId = Objects.requireNonNull(beneficiaryId);
    this.diagnosedAt = Objects.requireNonNull(now);
    this.updatedAt = now;
  }

  /** The social worker's answers, replacing the previous ones. */
  public void diagnose(
      Set<NeedUse> uses,
      DeviceCategory recommendedCategory,
      boolean needsTraining,
      boolean needsConnection,
      String by,
      LocalDateTime now) {
    this.uses = uses.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    this.recommendedCategory = recommendedCategory;
    this.needsTraining = needsTraining;
    this.needsConnection = needsConnection;
    this.diagnosedBy = by;
    this.updatedAt = now;
  }

  /** The first device the person got after the diagnosis: the end of the wait. */
  public void equippedWith(DeviceCategory category, LocalDateTime now) {
    if (equippedAt == null && !now.isBefore(diagnosedAt)) {
      equippedAt = now;
      equippedCategory = category;
    }
  }

  /** Retention: the uses go, what anonymous figures count stays. */
  public void anonymise() {
    uses = null;
    diagnosedBy = null;
  }

  public String beneficiaryId() {
    return beneficiaryId;
  }

  public List<NeedUse> uses() {
    if (uses == null || uses.isEmpty()) {
      return List.of();
    }
    EnumSet<NeedUse> set = EnumSet.noneOf(NeedUse.class);
    Arrays.stream(uses.split(",")).map(NeedUse::valueOf).forEach(set::add);
    return List.copyOf(set);
  }

  public DeviceCategory recommendedCategory() {
    return recommendedCategory;
  }

  public boolean needsTraining() {
    return needsTraining;
  }

  public boolean needsConnection() {
    return needsConnection;
  }

  public LocalDateTime diagnosedAt() {
    return diagnosedAt;
  }

  public LocalDateTime updatedAt() {
    return updatedAt;
  }

  public LocalDateTime equippedAt() {
    return equippedAt;
  }

  public DeviceCategory equippedCategory() {
    return equippedCategory;
  }
}
