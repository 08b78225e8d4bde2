package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Joining;
import fr.secondevie.organisations.control.Joining.Application;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.SignUpThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The public page where an organisation asks to join its territory's chain: the same rules and the
 * same throttle as {@code POST /api/v1/membership-requests}; a refusal is said at its field.
 */
@Named
@RequestScoped
public class JoinBacking {

  /** The kinds a visitor may choose, in the order of the page. */
  static final List<OrganisationKind> KINDS =
      List.of(
          OrganisationKind.COMPANY,
          OrganisationKind.AUTHORITY,
          OrganisationKind.REFURBISHER,
          OrganisationKind.RELAY,
          OrganisationKind.SOCIAL_STRUCTURE);

  @Inject Joining joining;
  @Inject SignUpThrottle throttle;

  private OrganisationKind kind = OrganisationKind.COMPANY;
  private String name;
  private String siren;
  private String address;
  private String postalCode;
  private String city;
  private String contactName;
  private String contactEmail;
  private boolean publicBody;
  private boolean sent;

  public String submit() {
    try {
      throttle.admit(
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
      joining.apply(
          new Application(
              kind,
              name,
              blankToNull(siren),
              blankToNull(address),
              postalCode,
              city,
              contactName,
              contactEmail,
              publicBody));
      sent = true;
      PageMessages.info("join.sent", contactEmail);
    } catch (BusinessException e) {
      switch (e.code()) {
        case "NO_TERRITORY" -> PageMessages.refusedAt("join:postalCode", e);
        case "DUPLICATE_ORGANISATION" -> PageMessages.refusedAt("join:siren", e);
        default -> PageMessages.refused(e);
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public List<OrganisationKind> getKinds() {
    return KINDS;
  }

  public boolean isSent() {
    return sent;
  }

  public OrganisationKind getKind() {
    return kind;
  }

  public void setKind(OrganisationKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSiren() {
    return siren;
  }

  public void setSiren(String siren) {
    this.siren = siren;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public boolean isPublicBody() {
    return publicBody;
  }

  public void setPublicBody(boolean publicBody) {
    this.publicBody = publicBody;
  }
}
