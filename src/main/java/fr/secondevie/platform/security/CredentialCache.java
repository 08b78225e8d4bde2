package fr.secondevie.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, credentials that the identity store has just accepted, so that an
 * API client sending HTTP Basic on every request does not pay a PBKDF2 verification (hundreds of
 * milliseconds by design) each time. Only a SHA-256 of user name and password is kept, never the
 * password. A per-instance cache is safe to lose, and it never decides alone: each hit is checked
 * against the account's standing in the database (active, same version of its credentials), so a
 * deactivation or a password change on any instance takes effect on the next request here.
 */
final class CredentialCache {

  static final Duration TIME_TO_LIVE = Duration.ofMinutes(2);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(AuthenticatedCaller caller, long expiresAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  Optional<AuthenticatedCaller> find(String username, String password) {
    Entry entry = entries.get(key(username, password));
    if (entry == null || entry.expiresAtNanos - System.nanoTime() < 0) {
      return Optional.empty();
    }
    return Optional.of(entry.caller);
  }

  void remember(String username, String password, AuthenticatedCaller caller) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(
        key(username, password), new Entry(caller, System.nanoTime() + TIME_TO_LIVE.toNanos()));
  }

  void forget(String username) {
    entries.values().removeIf(e -> e.caller().username().equals(username));
  }

  private static String key(String username, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(username.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
