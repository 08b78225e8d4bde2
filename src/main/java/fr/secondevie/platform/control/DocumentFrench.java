package fr.secondevie.platform.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The French of the documents the chain hands out (receipts, attestations, reports), whatever the
 * language of the person who asks for them: dates in words and the labels of the bundle.
 */
public final class DocumentFrench {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

  private DocumentFrench() {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'h' mm");

  /** "26 novembre 2026", "1er décembre 2026". */
  public static String day(LocalDate day) {
    String text = DAY.format(day);
    return day.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
  }

  /**
   * "26 novembre 2026 à 14 h 05"; the day alone when no time was recorded (midnight, as a day typed
   * in a form is stored).
   */
  public static String moment(LocalDateTime moment) {
    return moment.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? day(moment.toLocalDate())
        : day(moment.toLocalDate()) + " à " + TIME.format(moment);
  }

  /** Where and when a document was made out, above its signature: "Amiens, le 1er mai 2026". */
  public static String placeAndDay(String city, LocalDate day) {
    return orDash(city) + ", le " + day(day);
  }

  /** A field the document has no value for is a dash, "—", rather than an empty space. */
  public static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  /**
   * A postal address on one line, "12 rue des Jacobins, 80000 Amiens": the street (a dash when
   * there is none), then the postal code and the city where they are known.
   */
  public static String address(String street, String postalCode, String city) {
    return orDash(street)
        + (postalCode == null ? "" : ", " + postalCode)
        + (city == null ? "" : " " + city);
  }

  /** The French label of a bundle key, e.g. {@code category.LAPTOP}: "Ordinateur portable". */
  public static String label(String key) {
    return ResourceBundle.getBundle("fr.secondevie.i18n.messages", Locale.FRENCH).getString(key);
  }
}
