package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The admin's view of the organisations of the chain and their accounts. */
@Named
@RequestScoped
public class OrganisationsBacking {

  @Inject Directory directory;

  private List<Organisation> organisations;
  private List<AppUser> users;

  @PostConstruct
  void load() {
    organisations = directory.organisations();
    users = directory.users();
  }

  public List<Organisation> getOrganisations() {
    return organisations;
  }

  public List<AppUser> getUsers() {
    return users;
  }
}
