package fr.secondevie.organisations.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2 (HMAC-SHA256, 210,000 iterations, 32-byte salt) through the Jakarta Security hash, the one
 * place where passwords are hashed and verified.
 */
@ApplicationScoped
public class Passwords {

  /**
   * What a login of an unknown user is checked against, so that it costs the same 210,000
   * iterations as a real one. The hash of a random password nobody kept, made once with these
   * parameters rather than at each start (two PBKDF2 hashes were a second of the start-up).
   */
  static final String DECOY =
      "PBKDF2WithHmacSHA256:210000:Tq4UBUlAF1Voeu4qpLphXpWmYMFEixbzbC7OF9GCMUI="
          + ":prapwYbHv45vrPLCyYrD8yoIuQlJxiAxGX4ij3IOkK4=";

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void init() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  /** The shortest password a person may choose, in characters. */
  public static final int MINIMUM_LENGTH = 12;

  /** A password long enough to resist guessing (and not absurdly long): else 422 WEAK_PASSWORD. */
  public static void requireStrong(String password) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MINIMUM_LENGTH || length > 200 || password.isBlank()) {
      throw fr.secondevie.platform.entity.BusinessException.unprocessable(
          "WEAK_PASSWORD", "A password has 12 to 200 characters");
    }
  }

  public String hash(String password) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("A password is required");
    }
    return hash.generate(password.toCharArray());
  }

  public boolean verify(char[] password, String storedHash) {
    return hash.verify(password, storedHash);
  }

  void verifyAgainstDecoy(char[] password) {
    hash.verify(password, DECOY);
  }
}
