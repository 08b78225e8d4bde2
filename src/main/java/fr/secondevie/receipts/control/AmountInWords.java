package fr.secondevie.receipts.control;

import fr.secondevie.platform.entity.Money;

/**
 * An amount of euros written out in French, as a tax receipt states it: {@code 1 234,56 €} is
 * "mille deux cent trente-quatre euros et cinquante-six centimes". Traditional spelling: "et" in
 * 21, 31... 71 but not 81 or 91; "quatre-vingts" and "deux cents" take an s only when they end the
 * number or stand before million or milliard; "mille" never does; "un million d'euros".
 */
public final class AmountInWords {

  private static final String[] UNITS = {
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize"
  };
  private static final String[] TENS = {
    "", "dix", "vingt", "trente", "quarante", "cinquante", "soixante", "", "quatre-vingt", ""
  };

  private AmountInWords() {}

  public static String of(Money amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A receipt amount is not negative");
    }
    long euros = amount.cents() / 100;
    int cents = (int) (amount.cents() % 100);
    StringBuilder words = new StringBuilder();
    if (euros > 0 || cents == 0) {
      words.append(number(euros));
      boolean roundMillions = euros >= 1_000_000 && euros % 1_000_000 == 0;
      words.append(roundMillions ? " d'euros" : euros <= 1 ? " euro" : " euros");
    }
    if (cents > 0) {
      if (!words.isEmpty()) {
        words.append(" et ");
      }
      words.append(number(cents)).append(cents == 1 ? " centime" : " centimes");
    }
    return words.toString();
  }

  /** A whole number in words, up to 999 999 999 999. */
  public static String number(long n) {
    if (n < 0 || n >= 1_000_000_000_000L) {
      throw new IllegalArgumentException("Out of range: " + n);
    }
    if (n == 0) {
      return UNITS[0];
    }
    int billions = (int) (n / 1_000_000_000);
    int millions = (int) (n / 1_000_000 % 1000);
    int thousands = (int) (n / 1000 % 1000);
    int rest = (int) (n % 1000);
    StringBuilder words = new StringBuilder();
    if (billions > 0) {
      append(words, below1000(billions, true) + (billions > 1 ? " milliards" : " milliard"));
    }
    if (millions > 0) {
      append(words, below1000(millions, true) + (millions > 1 ? " millions" : " million"));
    }
    if (thousands > 0) {
      append(words, thousands == 1 ? "mille" : below1000(thousands, false) + " mille");
    }
    if (rest > 0) {
      append(words, below1000(rest, true));
    }
    return words.toString();
  }

  private static void append(StringBuilder words, String part) {
    if (!words.isEmpty()) {
      words.append(' ');
    }
    words.append(part);
  }

  /** 1 to 999; {@code endsNumber} lets "cents" and "quatre-vingts" take their s. */
  private static String below1000(int n, boolean endsNumber) {
    int hundreds = n / 100;
    int rest = n % 100;
    StringBuilder words = new StringBuilder();
    if (hundreds > 0) {
      words.append(hundreds == 1 ? "cent" : UNITS[hundreds] + " cent");
      if (hundreds > 1 && rest == 0 && endsNumber) {
        words.append('s');
      }
    }
    if (rest > 0) {
      append(words, below100(rest, endsNumber));
    }
    return words.toString();
  }

  private static String below100(int n, boolean endsNumber) {
    if (n <= 16) {
      return UNITS[n];
    }
    if (n < 20) {
      return "dix-" + UNITS[n - 10];
    }
    int tens = n / 10;
    int unit = n % 10;
    if (tens == 7 || tens == 9) {
      String base = tens == 7 ? "soixante" : "quatre-vingt";
      return tens == 7 && unit == 1 ? "soixante et onze" : base + "-" + below100(10 + unit, false);
    }
    if (unit == 0) {
      return tens == 8 && endsNumber ? "quatre-vingts" : TENS[tens];
    }
    if (unit == 1 && tens != 8) {
      return TENS[tens] + " et un";
    }
    return TENS[tens] + "-" + UNITS[unit];
  }
}
