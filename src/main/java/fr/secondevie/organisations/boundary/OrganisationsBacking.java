package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The admin's view of the organisations of its territory's chain and their accounts. */
@Named
@RequestScoped
public class OrganisationsBacking {

  @Inject Directory directory;
  @Inject Accounts accounts;
  @Inject Caller caller;

  private List<Organisation> organisations;
  private List<AppUser> users;

  @PostConstruct
  void load() {
    organisations = directory.organisationsOfTerritory(caller.territoryId());
    users = directory.usersOfTerritory(caller.territoryId());
  }

  /** The coordination deactivates an account of its territory (the same use case as the API's). */
  public String deactivate(String username) {
    try {
      accounts.deactivate(username, caller.get());
      PageMessages.info("team.deactivated", username);
      load();
    } catch (BusinessException e) {
      PageMessages.refused(e);
    }
    return null;
  }

  public List<Organisation> getOrganisations() {
    return organisations;
  }

  public List<AppUser> getUsers() {
    return users;
  }
}
