package fr.secondevie.vouchers.entity;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The code printed on a voucher: 15 random characters (74 bits from {@link SecureRandom}) and one
 * check character, from an alphabet of 31 characters without the look-alikes 0/O, 1/I/L, shown in
 * groups of four ({@code 7KQM-2XHC-9RTW-EB4F}).
 *
 * <p>The check character makes the weighted sum {@code sum(i * value(c_i)) mod 31} zero, with
 * weights 1..16 for the 16 positions. Because 31 is prime and the weights are distinct and non-zero
 * modulo 31, changing one character changes the sum by {@code weight * delta != 0}, and swapping
 * two adjacent different characters changes it by {@code (a - b) * 1 != 0}: every typo of those two
 * kinds is caught before any lookup.
 */
public final class VoucherCode {

  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  public static final int RANDOM_LENGTH = 15;
  public static final int LENGTH = RANDOM_LENGTH + 1;
  private static final int P = ALPHABET.length();

  private final String value;

  private VoucherCode(String value) {
    this.value = value;
  }

  /** A new unguessable code. */
  public static VoucherCode generate(SecureRandom random) {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(P));
    }
    chars[RANDOM_LENGTH] = checkCharacter(new String(chars, 0, RANDOM_LENGTH));
    return new VoucherCode(new String(chars));
  }

  /**
   * Reads a code as a person typed or a scanner read it: case, spaces and dashes do not matter.
   *
   * @throws MalformedCodeException when it is not a well-formed code with a valid check character
   */
  public static VoucherCode parse(String typed) {
    if (typed == null) {
      throw new MalformedCodeException();
    }
    StringBuilder normal = new StringBuilder(LENGTH);
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == '-' || c == ' ' || c == '\u00a0' || c == '\t') {
        continue;
      }
      c = Character.toUpperCase(c);
      if (ALPHABET.indexOf(c) < 0 || normal.length() == LENGTH) {
        throw new MalformedCodeException();
      }
      normal.append(c);
    }
    if (normal.length() != LENGTH || !isValid(normal)) {
      throw new MalformedCodeException();
    }
    return new VoucherCode(normal.toString());
  }

  /** True when the 16 characters (normalised) carry a valid check character. */
  static boolean isValid(CharSequence normal) {
    return weightedSum(normal, normal.length()) == 0;
  }

  /** The character that completes the 15 random ones. */
  static char checkCharacter(String random) {
    int sum = weightedSum(random, RANDOM_LENGTH);
    // LENGTH * check + sum == 0 (mod P)  =>  check = -sum * inverse(LENGTH)
    int check = Math.floorMod(-sum * inverse(LENGTH), P);
    return ALPHABET.charAt(check);
  }

  private static int weightedSum(CharSequence chars, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (i + 1) * ALPHABET.indexOf(chars.charAt(i));
    }
    return Math.floorMod(sum, P);
  }

  private static int inverse(int n) {
    for (int x = 1; x < P; x++) {
      if (Math.floorMod(n * x, P) == 1) {
        return x;
      }
    }
    throw new IllegalStateException();
  }

  /** The 16 characters as stored, without separators. */
  public String value() {
    return value;
  }

  /** The code in groups of four, as printed. */
  public String grouped() {
    return group(value);
  }

  /** Groups a stored code in fours for display. */
  public static String group(String value) {
    StringBuilder out = new StringBuilder(value.length() + 4);
    for (int i = 0; i < value.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(value.charAt(i));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoucherCode other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return grouped();
  }
}
