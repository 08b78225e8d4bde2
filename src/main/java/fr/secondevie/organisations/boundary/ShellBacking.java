package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** What the page layout shows of the person logged in and of the instance (demo banner). */
@Named("shell")
@RequestScoped
public class ShellBacking {

  @Inject Caller caller;
  @Inject Directory directory;
  @Inject Settings settings;

  private Optional<Organisation> organisation;

  public boolean isDemo() {
    return settings.demo();
  }

  public boolean isLoggedIn() {
    return caller.current().isPresent();
  }

  public String getUsername() {
    return caller.current().map(c -> c.username()).orElse(null);
  }

  public Organisation getOrganisation() {
    if (organisation == null) {
      organisation = caller.current().flatMap(c -> directory.findOrganisation(c.organisationId()));
    }
    return organisation.orElse(null);
  }
}
