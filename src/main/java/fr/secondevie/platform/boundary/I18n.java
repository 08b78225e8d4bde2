package fr.secondevie.platform.boundary;

import fr.secondevie.platform.entity.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
  @Inject Clock clock;

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

  /** For a given language and clock, outside a request (the formats' tests). */
  static I18n of(Locale locale, Clock clock) {
    I18n i18n = new I18n();
    i18n.locale = locale;
    i18n.clock = clock;
    return i18n;
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

  /**
   * A day in words: "1er décembre 2026", "26 novembre 2027"; "1 December 2026". Takes a {@code
   * LocalDate} or an instant (read in the application's time zone); empty for none.
   */
  public String day(Object moment) {
    LocalDate day = dayOf(moment);
    if (day == null) {
      return "";
    }
    String text = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    return isFrench() && day.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
  }

  /** A day in a table: "01/12/2026"; "1 Dec 2026" in English (no month-day confusion). */
  public String date(Object moment) {
    LocalDate day = dayOf(moment);
    return day == null
        ? ""
        : DateTimeFormatter.ofPattern(isFrench() ? "dd/MM/yyyy" : "d MMM yyyy", locale).format(day);
  }

  /** A day and its time in a table: "01/12/2026 14:05"; "1 Dec 2026, 14:05". */
  public String moment(Object moment) {
    LocalDateTime time = timeOf(moment);
    return time == null
        ? ""
        : DateTimeFormatter.ofPattern(isFrench() ? "dd/MM/yyyy HH:mm" : "d MMM yyyy, HH:mm", locale)
            .format(time);
  }

  /** A month: "décembre 2026", "December 2026"; takes a {@code YearMonth} or "2026-12". */
  public String month(Object month) {
    if (month == null) {
      return "";
    }
    YearMonth value =
        month instanceof YearMonth ym ? ym : YearMonth.parse(month.toString().substring(0, 7));
    return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(value);
  }

  /** A count with the language's grouping: "1 234" (a narrow no-break space), "1,234". */
  public String count(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** A decimal with {@code digits} decimals and the language's marks: "27,00", "1 234,5". */
  public String decimal(Number n, int digits) {
    if (n == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(n);
  }

  /** An amount of cents in the language's currency format: "1 234,56 €", "€1,234.56". */
  public String euros(long cents) {
    return Money.ofCents(cents).format(locale);
  }

  /**
   * A count and its noun, singular or plural: the bundle's {@code key.one} or {@code key.other},
   * with {0} the count ("1 appareil réemployé", "0 appareil réemployé", "2 appareils réemployés";
   * in English only 1 is singular).
   */
  public String plural(String key, long n) {
    return plural(locale, key, n);
  }

  /** The same in a given language, for what writes a page's text outside a request's beans. */
  public static String plural(Locale locale, String key, long n) {
    boolean french = "fr".equals(locale.getLanguage());
    boolean one = french ? n == 0 || n == 1 || n == -1 : n == 1 || n == -1;
    return MessageFormat.format(
        ResourceBundle.getBundle(BUNDLE, locale).getString(key + (one ? ".one" : ".other")),
        NumberFormat.getIntegerInstance(locale).format(n));
  }

  private boolean isFrench() {
    return "fr".equals(locale.getLanguage());
  }

  private LocalDate dayOf(Object moment) {
    if (moment instanceof LocalDate day) {
      return day;
    }
    LocalDateTime time = timeOf(moment);
    return time == null ? null : time.toLocalDate();
  }

  private LocalDateTime timeOf(Object moment) {
    ZoneId zone = clock.getZone();
    if (moment == null) {
      return null;
    } else if (moment instanceof LocalDateTime time) {
      return time;
    } else if (moment instanceof LocalDate day) {
      return day.atStartOfDay();
    } else if (moment instanceof OffsetDateTime time) {
      return time.atZoneSameInstant(zone).toLocalDateTime();
    } else if (moment instanceof ZonedDateTime time) {
      return time.withZoneSameInstant(zone).toLocalDateTime();
    } else if (moment instanceof Instant time) {
      return LocalDateTime.ofInstant(time, zone);
    }
    throw new IllegalArgumentException("Not a moment: " + moment.getClass().getSimpleName());
  }

  public String text(String key) {
    return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
  }
}
