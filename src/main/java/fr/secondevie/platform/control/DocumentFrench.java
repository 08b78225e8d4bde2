package fr.secondevie.platform.control;

import java.time.LocalDate;
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

  /** "26 novembre 2026". */
  public static String day(LocalDate day) {
    return DAY.format(day);
  }

  /** The French label of a bundle key, e.g. {@code category.LAPTOP}: "Ordinateur portable". */
  public static String label(String key) {
    return ResourceBundle.getBundle("fr.secondevie.i18n.messages", Locale.FRENCH).getString(key);
  }
}
