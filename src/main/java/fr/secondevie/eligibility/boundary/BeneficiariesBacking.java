package fr.secondevie.eligibility.boundary;

import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.eligibility.control.Needs;
import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.eligibility.entity.BeneficiaryNeed;
import fr.secondevie.eligibility.entity.Criteria;
import fr.secondevie.eligibility.entity.EligibilityDecision;
import fr.secondevie.eligibility.entity.NeedUse;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The social worker's pages: the people of the structure, a new person, a decision. */
@Named
@RequestScoped
public class BeneficiariesBacking {

  @Inject Beneficiaries beneficiaries;
  @Inject Needs needs;
  @Inject FacesContext faces;

  private BeneficiaryNeed need;
  private List<String> needUses = new ArrayList<>();
  private String recommendedCategory;
  private boolean needsTraining;
  private boolean needsConnection;

  private List<Beneficiary> list;
  private String fileReference;
  private Integer householdSize;
  private String postalCode;

  private String id;
  private Beneficiary beneficiary;
  private List<EligibilityDecision> decisions;
  private Beneficiaries.Eligibility eligibility;
  private List<String> criteria = new ArrayList<>();
  private String proofType;
  private LocalDate proofDate;
  private String refusalReason;
  private String revocationReason;
  private Long familyQuotientEuros;

  @PostConstruct
  void load() {
    id = faces.getExternalContext().getRequestParameterMap().get("id");
    if (id == null) {
      list = beneficiaries.listOfMyStructure();
      expiring = beneficiaries.expiringWithin(EXPIRING_DAYS);
    } else {
      loadOne();
    }
  }

  private void loadOne() {
    try {
      beneficiary = beneficiaries.ofMyStructure(id);
      decisions = beneficiaries.decisions(beneficiary.id());
      eligibility = beneficiaries.eligibility(beneficiary.id());
      need = needs.of(beneficiary.id()).orElse(null);
      if (need != null && !faces.isPostback()) {
        needUses = new ArrayList<>(need.uses().stream().map(Enum::name).toList());
        recommendedCategory =
            need.recommendedCategory() == null ? null : need.recommendedCategory().name();
        needsTraining = need.needsTraining();
        needsConnection = need.needsConnection();
      }
    } catch (BusinessException e) {
      beneficiary = null;
    }
  }

  public String register() {
    Beneficiary created = beneficiaries.register(fileReference, householdSize, postalCode);
    return "/app/social/beneficiary.xhtml?faces-redirect=true&id=" + created.id();
  }

  public String decide() {
    try {
      beneficiaries.decide(
          id,
          Set.copyOf(criteria),
          proofType,
          proofDate,
          familyQuotientEuros == null ? null : familyQuotientEuros * 100,
          refusalReason);
      return "/app/social/beneficiary.xhtml?faces-redirect=true&id=" + id;
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  /** Ends the person's eligibility at once, with the reason the social worker wrote. */
  public String revoke() {
    if (revocationReason == null || revocationReason.isBlank()) {
      PageMessages.atField("revoke:reason", "eligibility.revoke.noReason");
      return null;
    }
    try {
      beneficiaries.revoke(id, revocationReason);
      PageMessages.info("eligibility.revoke.done");
      PageMessages.keepForRedirect();
      return "/app/social/beneficiary.xhtml?faces-redirect=true&id=" + id;
    } catch (BusinessException e) {
      PageMessages.refusedAt("revoke:reason", e);
      return null;
    }
  }

  /** Records the diagnosis of what the person needs (the form's answers replace the last ones). */
  public String diagnose() {
    try {
      needs.diagnose(id, needUses, recommendedCategory, needsTraining, needsConnection);
      PageMessages.info("needs.done");
      PageMessages.keepForRedirect();
      return "/app/social/beneficiary.xhtml?faces-redirect=true&id=" + id;
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public List<String> getAllUses() {
    return Arrays.stream(NeedUse.values()).map(Enum::name).toList();
  }

  public List<String> getAllCategories() {
    return DeviceCategory.all().stream().map(Enum::name).toList();
  }

  public BeneficiaryNeed getNeed() {
    return need;
  }

  public List<String> getNeedUses() {
    return needUses;
  }

  public void setNeedUses(List<String> needUses) {
    this.needUses = needUses;
  }

  public String getRecommendedCategory() {
    return recommendedCategory;
  }

  public void setRecommendedCategory(String recommendedCategory) {
    this.recommendedCategory = recommendedCategory;
  }

  public boolean isNeedsTraining() {
    return needsTraining;
  }

  public void setNeedsTraining(boolean needsTraining) {
    this.needsTraining = needsTraining;
  }

  public boolean isNeedsConnection() {
    return needsConnection;
  }

  public void setNeedsConnection(boolean needsConnection) {
    this.needsConnection = needsConnection;
  }

  public String getRefusalReason() {
    return refusalReason;
  }

  public void setRefusalReason(String refusalReason) {
    this.refusalReason = refusalReason;
  }

  public String getRevocationReason() {
    return revocationReason;
  }

  public void setRevocationReason(String revocationReason) {
    this.revocationReason = revocationReason;
  }

  public List<String> getAllCriteria() {
    return Criteria.ALL;
  }

  public List<Beneficiary> getList() {
    return list;
  }

  /** How far ahead the list page looks for eligibilities that end. */
  static final int EXPIRING_DAYS = 30;

  private List<EligibilityDecision> expiring = List.of();

  /** The eligibilities of the structure's people that end within {@link #EXPIRING_DAYS} days. */
  public List<EligibilityDecision> getExpiring() {
    return expiring;
  }

  public Beneficiary getBeneficiary() {
    return beneficiary;
  }

  public List<EligibilityDecision> getDecisions() {
    return decisions;
  }

  public Beneficiaries.Eligibility getEligibility() {
    return eligibility;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getFileReference() {
    return fileReference;
  }

  public void setFileReference(String fileReference) {
    this.fileReference = fileReference;
  }

  public Integer getHouseholdSize() {
    return householdSize;
  }

  public void setHouseholdSize(Integer householdSize) {
    this.householdSize = householdSize;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public List<String> getCriteria() {
    return criteria;
  }

  public void setCriteria(List<String> criteria) {
    this.criteria = criteria;
  }

  public String getProofType() {
    return proofType;
  }

  public void setProofType(String proofType) {
    this.proofType = proofType;
  }

  public LocalDate getProofDate() {
    return proofDate;
  }

  public void setProofDate(LocalDate proofDate) {
    this.proofDate = proofDate;
  }

  public Long getFamilyQuotientEuros() {
    return familyQuotientEuros;
  }

  public void setFamilyQuotientEuros(Long familyQuotientEuros) {
    this.familyQuotientEuros = familyQuotientEuros;
  }
}
