package fr.secondevie.organisations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The two hashes made once instead of at each start: the demo users' is the hash of "demo", and the
 * decoy is a hash of the same cost that no usual password opens.
 */
class StoredHashesTest {

  @Test
  void theDemoHashOpensWithDemoOnly() throws Exception {
    assertThat(opens(DemoData.DEMO_HASH, DemoData.PASSWORD)).isTrue();
    assertThat(opens(DemoData.DEMO_HASH, "Demo")).isFalse();
  }

  @Test
  void theDecoyCostsWhatARealHashCostsAndOpensWithNothingUsual() throws Exception {
    assertThat(Passwords.DECOY).startsWith("PBKDF2WithHmacSHA256:210000:");
    assertThat(Base64.getDecoder().decode(Passwords.DECOY.split(":")[2])).hasSize(32);
    assertThat(Base64.getDecoder().decode(Passwords.DECOY.split(":")[3])).hasSize(32);
    for (String guess : new String[] {"demo", "", "decoy-password", "password", "123456"}) {
      assertThat(opens(Passwords.DECOY, guess)).as(guess).isFalse();
    }
  }

  /** Checks a password as Jakarta Security's PBKDF2 hash does: algorithm:iterations:salt:hash. */
  private static boolean opens(String stored, String password) throws Exception {
    String[] parts = stored.split(":");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual =
        SecretKeyFactory.getInstance(parts[0])
            .generateSecret(
                new PBEKeySpec(
                    password.toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8))
            .getEncoded();
    return java.security.MessageDigest.isEqual(expected, actual);
  }
}
