package fr.secondevie.eligibility.boundary;

import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The counter's lookup: the agent scans the attestation (the scanner types the identifier and
 * Enter) or types it, and reads the panel in plain words.
 */
@Named
@RequestScoped
public class CounterEligibilityBacking {

  @Inject Beneficiaries beneficiaries;
  @Inject FacesContext faces;

  private String code;
  private Beneficiaries.Eligibility eligibility;
  private boolean notFound;

  @PostConstruct
  void load() {
    code = faces.getExternalContext().getRequestParameterMap().get("code");
    if (code != null && !code.isBlank()) {
      try {
        eligibility = beneficiaries.eligibility(code);
      } catch (BusinessException e) {
        notFound = true;
      }
    }
  }

  public String getCode() {
    return code;
  }

  public Beneficiaries.Eligibility getEligibility() {
    return eligibility;
  }

  public boolean isNotFound() {
    return notFound;
  }
}
