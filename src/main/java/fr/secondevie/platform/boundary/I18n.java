package fr.secondevie.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The language of the pages: French unless the person chose English. The choice is a cookie, not
 * session state, so public pages need no session. {@code ?lang=en} or {@code ?lang=fr} switches.
 */
@Named("i18n")
@RequestScoped
public class I18n {

  static final String COOKIE = "lang";
  static final String BUNDLE = "fr.secondevie.i18n.messages";

  @Inject HttpServletRequest request;
  @Inject FacesContext faces;

  private Locale locale;

  @PostConstruct
  void resolve() {
    String asked = request.getParameter("lang");
    if (isSupported(asked)) {
      faces
          .getExternalContext()
          .addResponseCookie(
              COOKIE,
              asked,
              Map.of("path", "/", "maxAge", 365 * 24 * 3600, "httpOnly", true, "SameSite", "Lax"));
      locale = Locale.forLanguageTag(asked);
      return;
    }
    locale =
        Optional.ofNullable(request.getCookies()).stream()
            .flatMap(Arrays::stream)
            .filter(c -> COOKIE.equals(c.getName()) && isSupported(c.getValue()))
            .map(c -> Locale.forLanguageTag(c.getValue()))
            .findFirst()
            .orElse(Locale.FRENCH);
  }

  private static boolean isSupported(String language) {
    return "fr".equals(language) || "en".equals(language);
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  public String getOtherLanguage() {
    return "fr".equals(getLanguage()) ? "en" : "fr";
  }

  /** The current page in the other language. */
  public String getSwitchUrl() {
    String uri = request.getRequestURI();
    if (uri.equals(request.getContextPath() + "/")) {
      uri = request.getContextPath() + "/index.xhtml";
    }
    return uri + "?lang=" + getOtherLanguage();
  }

  /** A day in words: "26 novembre 2027", "26 November 2027". */
  public String day(java.time.LocalDate day) {
    return day == null
        ? ""
        : java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
  }

  /** A count with the language's grouping: "1 234" (a narrow no-break space), "1,234". */
  public String count(long n) {
    return java.text.NumberFormat.getIntegerInstance(locale).format(n);
  }

  public String text(String key) {
    return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
  }
}
