package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Joining;
import fr.secondevie.organisations.control.Joining.Approval;
import fr.secondevie.organisations.entity.MembershipRequest;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.control.Mailer;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The coordination's page of the requests to join its territory: each pending one approved (the
 * organisation and its first account created; the activation link e-mailed, or shown here to hand
 * over when no e-mail goes out) or refused with a reason; the decided ones below.
 */
@Named
@RequestScoped
public class RequestsBacking {

  @Inject Joining joining;
  @Inject Mailer mailer;
  @Inject Caller caller;

  private List<MembershipRequest> requests;
  private Long refused;
  private String reason;
  private Approval approval;

  @PostConstruct
  void load() {
    requests = joining.ofTerritory(caller.territoryId());
  }

  public String approve(long id) {
    try {
      approval =
          joining.approve(
              id, caller.get(), Links.base(FacesContext.getCurrentInstance().getExternalContext()));
      PageMessages.info(
          mailer.configured() ? "requests.approvedMailed" : "requests.approvedHandOver",
          approval.organisation().name(),
          approval.username(),
          approval.request().contactEmail());
      load();
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    return null;
  }

  public String refuse() {
    if (refused == null) {
      PageMessages.atField("refusal:request", "requests.chooseOne");
      return null;
    }
    if (reason == null || reason.isBlank()) {
      PageMessages.atField("refusal:reason", "requests.reasonRequired");
      return null;
    }
    try {
      joining.refuse(refused, reason, caller.get());
      PageMessages.info("requests.refused");
      PageMessages.keepForRedirect();
      return "/app/admin/requests.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public List<MembershipRequest> getPending() {
    return requests.stream().filter(r -> r.status() == MembershipRequest.Status.PENDING).toList();
  }

  public List<MembershipRequest> getDecided() {
    return requests.stream().filter(r -> r.status() != MembershipRequest.Status.PENDING).toList();
  }

  /** The link to hand over, shown only when no e-mail went out. */
  public String getLinkToHandOver() {
    return approval == null || mailer.configured() ? null : approval.link();
  }

  public Approval getApproval() {
    return approval;
  }

  public Long getRefused() {
    return refused;
  }

  public void setRefused(Long refused) {
    this.refused = refused;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
