package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The public page of an activation link: the person chooses its password, once. */
@Named
@RequestScoped
public class ActivationBacking {

  @Inject Accounts accounts;

  private String token;
  private String password;
  private String confirmation;
  private String activated;

  public String activate() {
    if (password == null || !password.equals(confirmation)) {
      PageMessages.atField("activation:confirmation", "password.mismatch");
      return null;
    }
    try {
      activated = accounts.activate(token, password).username();
      PageMessages.info("activation.done", activated);
    } catch (BusinessException e) {
      if (e.code().equals("WEAK_PASSWORD")) {
        PageMessages.refusedAt("activation:password", e);
      } else {
        PageMessages.refused(e);
      }
    }
    return null;
  }

  public String getActivated() {
    return activated;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
