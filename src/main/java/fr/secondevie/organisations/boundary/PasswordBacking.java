package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The account page's change of password: the current one, then the new one twice. */
@Named
@RequestScoped
public class PasswordBacking {

  @Inject Accounts accounts;
  @Inject Caller caller;

  private String current;
  private String chosen;
  private String confirmation;

  public String change() {
    if (chosen == null || !chosen.equals(confirmation)) {
      PageMessages.atField("password:confirmation", "password.mismatch");
      return null;
    }
    try {
      caller.credentialsChanged(accounts.changePassword(caller.username(), current, chosen));
      PageMessages.info("password.changed");
      PageMessages.keepForRedirect();
      return "/app/account.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      switch (e.code()) {
        case "WRONG_PASSWORD" -> PageMessages.refusedAt("password:current", e);
        case "WEAK_PASSWORD" -> PageMessages.refusedAt("password:chosen", e);
        default -> PageMessages.refused(e);
      }
      return null;
    }
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getChosen() {
    return chosen;
  }

  public void setChosen(String chosen) {
    this.chosen = chosen;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
