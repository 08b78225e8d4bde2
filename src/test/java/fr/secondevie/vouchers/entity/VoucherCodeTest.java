package fr.secondevie.vouchers.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoucherCodeTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void aCodeIsSixteenUnambiguousCharactersInGroupsOfFour() {
    VoucherCode code = VoucherCode.generate(random);
    assertThat(code.value()).hasSize(16).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}");
    assertThat(code.grouped()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(VoucherCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
  }

  @Test
  void theRandomPartCarriesAtLeastSixtyBits() {
    double bits = VoucherCode.RANDOM_LENGTH * Math.log(VoucherCode.ALPHABET.length()) / Math.log(2);
    assertThat(bits).isGreaterThanOrEqualTo(60);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(VoucherCode.generate(random).value())).isTrue();
    }
  }

  @Test
  void typedCodesIgnoreCaseSpacesAndDashes() {
    VoucherCode code = VoucherCode.generate(random);
    String sloppy = " " + code.grouped().toLowerCase().replace("-", " ") + " ";
    assertThat(VoucherCode.parse(sloppy)).isEqualTo(code);
    assertThat(VoucherCode.parse(code.value())).isEqualTo(code);
  }

  @Test
  void wrongLengthOrForeignCharactersAreMalformed() {
    String valid = VoucherCode.generate(random).value();
    assertThatThrownBy(() -> VoucherCode.parse(null)).isInstanceOf(MalformedCodeException.class);
    assertThatThrownBy(() -> VoucherCode.parse("")).isInstanceOf(MalformedCodeException.class);
    assertThatThrownBy(() -> VoucherCode.parse(valid.substring(1)))
        .isInstanceOf(MalformedCodeException.class);
    assertThatThrownBy(() -> VoucherCode.parse(valid + "A"))
        .isInstanceOf(MalformedCodeException.class);
    assertThatThrownBy(() -> VoucherCode.parse("O" + valid.substring(1)))
        .isInstanceOf(MalformedCodeException.class);
    assertThatThrownBy(() -> VoucherCode.parse(valid.substring(0, 15) + "é"))
        .isInstanceOf(MalformedCodeException.class);
  }

  /**
   * The algebra behind the check: for every position weight and every non-zero difference of two
   * alphabet values, the weighted sum changes modulo 31, so no substitution or adjacent swap can
   * leave it at zero.
   */
  @Test
  void everyWeightTimesEveryDifferenceIsNonZeroModuloTheAlphabetSize() {
    int p = VoucherCode.ALPHABET.length();
    assertThat(p).isEqualTo(31);
    for (int weight = 1; weight <= VoucherCode.LENGTH; weight++) {
      for (int delta = 1; delta < p; delta++) {
        assertThat(Math.floorMod(weight * delta, p)).isNotZero();
      }
    }
  }

  @Test
  void everySingleSubstitutionOfManyCodesIsCaught() {
    Random seeded = new Random(20261126);
    for (int n = 0; n < 2_000; n++) {
      String code = VoucherCode.generate(new SecureRandom()).value();
      if (n % 2 == 0) {
        code = codeFrom(seeded);
      }
      for (int position = 0; position < VoucherCode.LENGTH; position++) {
        for (char replacement : VoucherCode.ALPHABET.toCharArray()) {
          if (replacement == code.charAt(position)) {
            continue;
          }
          String typo = code.substring(0, position) + replacement + code.substring(position + 1);
          assertThat(VoucherCode.isValid(typo)).as("%s -> %s", code, typo).isFalse();
        }
      }
    }
  }

  @Test
  void everyAdjacentSwapOfManyCodesIsCaught() {
    Random seeded = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      String code = codeFrom(seeded);
      for (int position = 0; position + 1 < VoucherCode.LENGTH; position++) {
        char a = code.charAt(position);
        char b = code.charAt(position + 1);
        if (a == b) {
          continue;
        }
        String swapped = code.substring(0, position) + b + a + code.substring(position + 2);
        assertThat(VoucherCode.isValid(swapped)).as("%s -> %s", code, swapped).isFalse();
      }
    }
  }

  /** Every pair of characters at every pair of adjacent positions, with the rest fixed. */
  @Test
  void everyAdjacentSwapOfEveryCharacterPairIsCaught() {
    String base = codeFrom(new Random(1));
    for (int position = 0; position + 1 < VoucherCode.LENGTH; position++) {
      for (char a : VoucherCode.ALPHABET.toCharArray()) {
        for (char b : VoucherCode.ALPHABET.toCharArray()) {
          if (a == b) {
            continue;
          }
          String code = withPair(base, position, a, b);
          if (!VoucherCode.isValid(code)) {
            continue;
          }
          char[] swapped = code.toCharArray();
          swapped[position] = b;
          swapped[position + 1] = a;
          assertThat(VoucherCode.isValid(new String(swapped))).isFalse();
        }
      }
    }
  }

  private static String withPair(String base, int position, char a, char b) {
    char[] chars = base.toCharArray();
    chars[position] = a;
    chars[position + 1] = b;
    if (position + 1 < VoucherCode.RANDOM_LENGTH) {
      chars[VoucherCode.RANDOM_LENGTH] =
          VoucherCode.checkCharacter(new String(chars, 0, VoucherCode.RANDOM_LENGTH));
    }
    return new String(chars);
  }

  private static String codeFrom(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < VoucherCode.RANDOM_LENGTH; i++) {
      s.append(VoucherCode.ALPHABET.charAt(random.nextInt(VoucherCode.ALPHABET.length())));
    }
    String randomPart = s.toString();
    return randomPart + VoucherCode.checkCharacter(randomPart);
  }
}
