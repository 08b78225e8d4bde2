package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.control.Programmes;
import fr.secondevie.vouchers.control.Programmes.NewProgramme;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/** The funder's programmes: the list, and the form to open a new one. */
@Named
@RequestScoped
public class ProgrammesBacking {

  @Inject Programmes programmes;

  private List<VoucherProgramme> list;
  private String name;
  private VoucherKind kind = VoucherKind.CHEQUE_EQUIPEMENT;
  private String faceValue;
  private LocalDate validFrom;
  private LocalDate validUntil;
  private Integer toleranceDays = 31;
  private boolean nominative;
  private String postalCodePrefixes;
  private String conditions;

  @PostConstruct
  void load() {
    list = programmes.visible();
  }

  public String create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    if (validUntil.isBefore(validFrom)) {
      PageMessages.atField("new-programme:until", "form.until.beforeFrom");
      return null;
    }
    try {
      VoucherProgramme created =
          programmes.create(
              new NewProgramme(
                  name,
                  kind,
                  Money.parse(faceValue).cents(),
                  validFrom,
                  validUntil,
                  toleranceDays == null ? 0 : toleranceDays,
                  nominative,
                  prefixes(),
                  conditions));
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_INFO, msg.getString("vouchers.created"), null));
      return "/app/funder/programme.xhtml?faces-redirect=true&id=" + created.id();
    } catch (BusinessException | IllegalArgumentException | NullPointerException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, msg.getString("vouchers.invalidProgramme"), null));
      return null;
    }
  }

  private List<String> prefixes() {
    if (postalCodePrefixes == null || postalCodePrefixes.isBlank()) {
      return List.of();
    }
    return Arrays.stream(postalCodePrefixes.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  public List<VoucherProgramme> getList() {
    return list;
  }

  public VoucherKind[] getKinds() {
    return VoucherKind.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public VoucherKind getKind() {
    return kind;
  }

  public void setKind(VoucherKind kind) {
    this.kind = kind;
  }

  public String getFaceValue() {
    return faceValue;
  }

  public void setFaceValue(String faceValue) {
    this.faceValue = faceValue;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public Integer getToleranceDays() {
    return toleranceDays;
  }

  public void setToleranceDays(Integer toleranceDays) {
    this.toleranceDays = toleranceDays;
  }

  public boolean isNominative() {
    return nominative;
  }

  public void setNominative(boolean nominative) {
    this.nominative = nominative;
  }

  public String getPostalCodePrefixes() {
    return postalCodePrefixes;
  }

  public void setPostalCodePrefixes(String postalCodePrefixes) {
    this.postalCodePrefixes = postalCodePrefixes;
  }

  public String getConditions() {
    return conditions;
  }

  public void setConditions(String conditions) {
    this.conditions = conditions;
  }
}
