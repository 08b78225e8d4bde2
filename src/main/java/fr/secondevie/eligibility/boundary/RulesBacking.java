package fr.secondevie.eligibility.boundary;

import fr.secondevie.eligibility.control.RulesBook;
import fr.secondevie.eligibility.entity.Criteria;
import fr.secondevie.eligibility.entity.RuleSet;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's rules editor: the form starts from the version in force; saving publishes the next
 * version (past decisions keep theirs).
 */
@Named
@RequestScoped
public class RulesBacking {

  @Inject RulesBook rules;
  @Inject FacesContext faces;

  private RuleSet current;
  private List<RuleSet> history;
  private int validityMonths;
  private int quotaPeriodMonths;
  private int proofMaxAgeMonths;
  private final Map<String, Integer> tiers = new LinkedHashMap<>();
  private Long quotientTier1Euros;
  private Long quotientTier2Euros;
  private final Map<DeviceCategory, Integer> quotas = new LinkedHashMap<>();
  private String note;

  @PostConstruct
  void load() {
    current = rules.current();
    history = rules.history();
    validityMonths = current.validityMonths();
    quotaPeriodMonths = current.quotaPeriodMonths();
    proofMaxAgeMonths = current.proofMaxAgeMonths();
    Criteria.ALL.forEach(c -> tiers.put(c, 0));
    current.criteria().forEach(c -> tiers.put(c.code(), c.tier()));
    current.quotientTiers().stream()
        .filter(q -> q.tier() == 1)
        .findFirst()
        .ifPresent(q -> quotientTier1Euros = q.maxCents() / 100);
    current.quotientTiers().stream()
        .filter(q -> q.tier() == 2)
        .findFirst()
        .ifPresent(q -> quotientTier2Euros = q.maxCents() / 100);
    DeviceCategory.all().forEach(c -> quotas.put(c, 0));
    current.quotas().forEach(q -> quotas.put(q.category(), q.quantity()));
  }

  public String publish() {
    List<RuleSet.CriterionTier> criteria = new ArrayList<>();
    tiers.forEach(
        (code, tier) -> {
          if (tier != null && tier > 0) {
            criteria.add(new RuleSet.CriterionTier(code, tier));
          }
        });
    List<RuleSet.QuotientTier> quotients = new ArrayList<>();
    if (quotientTier1Euros != null) {
      quotients.add(new RuleSet.QuotientTier(quotientTier1Euros * 100, 1));
    }
    if (quotientTier2Euros != null) {
      quotients.add(new RuleSet.QuotientTier(quotientTier2Euros * 100, 2));
    }
    List<RuleSet.Quota> quotaList = new ArrayList<>();
    quotas.forEach((category, quantity) -> quotaList.add(new RuleSet.Quota(category, quantity)));
    try {
      rules.publish(
          new RulesBook.Draft(
              validityMonths,
              quotaPeriodMonths,
              proofMaxAgeMonths,
              criteria,
              quotients,
              quotaList,
              note));
      return "/app/admin/eligibility-rules.xhtml?faces-redirect=true&published=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public RuleSet getCurrent() {
    return current;
  }

  public List<RuleSet> getHistory() {
    return history;
  }

  public List<String> getAllCriteria() {
    return Criteria.ALL;
  }

  public List<DeviceCategory> getCategories() {
    return DeviceCategory.all();
  }

  public Map<String, Integer> getTiers() {
    return tiers;
  }

  public Map<DeviceCategory, Integer> getQuotas() {
    return quotas;
  }

  public int getValidityMonths() {
    return validityMonths;
  }

  public void setValidityMonths(int validityMonths) {
    this.validityMonths = validityMonths;
  }

  public int getQuotaPeriodMonths() {
    return quotaPeriodMonths;
  }

  public void setQuotaPeriodMonths(int quotaPeriodMonths) {
    this.quotaPeriodMonths = quotaPeriodMonths;
  }

  public int getProofMaxAgeMonths() {
    return proofMaxAgeMonths;
  }

  public void setProofMaxAgeMonths(int proofMaxAgeMonths) {
    this.proofMaxAgeMonths = proofMaxAgeMonths;
  }

  public Long getQuotientTier1Euros() {
    return quotientTier1Euros;
  }

  public void setQuotientTier1Euros(Long quotientTier1Euros) {
    this.quotientTier1Euros = quotientTier1Euros;
  }

  public Long getQuotientTier2Euros() {
    return quotientTier2Euros;
  }

  public void setQuotientTier2Euros(Long quotientTier2Euros) {
    this.quotientTier2Euros = quotientTier2Euros;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
