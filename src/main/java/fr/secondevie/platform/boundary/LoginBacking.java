package fr.secondevie.platform.boundary;

import fr.secondevie.platform.security.SecondeVieAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/** The login form and the logout button of every page. */
@Named
@RequestScoped
public class LoginBacking {

  static final String HOME = "/app/index.xhtml";

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;
  @Inject I18n i18n;
  @Inject Clock clock;

  private String username;
  private String password;
  private String next;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(username.trim(), new Password(password))));
    switch (status) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + safeNext());
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        Object until = request.getAttribute(SecondeVieAuthentication.LOCKED_UNTIL_ATTRIBUTE);
        String message =
            until instanceof LocalDateTime lockedUntil
                ? MessageFormat.format(i18n.text("login.locked"), wait(lockedUntil))
                : i18n.text("login.failed");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
      }
    }
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/index.xhtml");
  }

  private String wait(LocalDateTime until) {
    long seconds = Math.max(1, Duration.between(LocalDateTime.now(clock), until).toSeconds() + 1);
    return seconds < 90 ? seconds + " s" : (seconds + 59) / 60 + " min";
  }

  /** Only a path of this application: never an open redirect to another site. */
  String safeNext() {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return HOME;
    }
    return next;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
