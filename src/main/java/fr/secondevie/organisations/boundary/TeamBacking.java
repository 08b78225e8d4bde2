package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.organisations.control.Accounts.Invitation;
import fr.secondevie.organisations.control.Accounts.NewAccount;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.control.Mailer;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/**
 * The account page's part for a manager of its organisation: the organisation's accounts, an
 * invitation for a colleague (with a role that fits the organisation), a colleague's account
 * deactivated. The same use cases as the API's.
 */
@Named
@RequestScoped
public class TeamBacking {

  @Inject Accounts accounts;
  @Inject Directory directory;
  @Inject Mailer mailer;
  @Inject Caller caller;

  private boolean manager;
  private List<AppUser> members = List.of();
  private List<String> roles = List.of();
  private String username;
  private String email;
  private String role;
  private String link;

  @PostConstruct
  void load() {
    manager =
        !caller.hasRole(Roles.NATIONAL)
            && directory.findUser(caller.username()).map(AppUser::manager).orElse(false);
    if (manager) {
      members = accounts.accountsOf(caller.organisationId(), caller.get());
      roles =
          directory.getOrganisation(caller.organisationId()).kind().allowedRoles().stream()
              .sorted()
              .toList();
      role = roles.isEmpty() ? null : roles.get(0);
    }
  }

  public String invite() {
    try {
      Invitation invited =
          accounts.invite(
              caller.organisationId(),
              caller.get(),
              new NewAccount(username, blankToNull(email), Set.of(role), false, null),
              Links.base(FacesContext.getCurrentInstance().getExternalContext()));
      boolean mailed = mailer.configured() && invited.user().email() != null;
      link = mailed ? null : invited.link();
      PageMessages.info(mailed ? "team.invitedMailed" : "team.invitedHandOver", username, email);
      username = null;
      email = null;
      load();
    } catch (BusinessException e) {
      switch (e.code()) {
        case "DUPLICATE_USERNAME", "INVALID_USER" -> PageMessages.refusedAt("team:username", e);
        case "ROLE_NOT_ALLOWED" -> PageMessages.refusedAt("team:role", e);
        default -> PageMessages.refused(e);
      }
    }
    return null;
  }

  public String deactivate(String member) {
    try {
      accounts.deactivate(member, caller.get());
      PageMessages.info("team.deactivated", member);
      load();
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public boolean isManager() {
    return manager;
  }

  public List<AppUser> getMembers() {
    return members;
  }

  public List<String> getRoles() {
    return roles;
  }

  /** The link to hand over, when no e-mail went out. */
  public String getLink() {
    return link;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
