package fr.secondevie.platform.control;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A copy of something that rarely changes, read again at most every so many milliseconds: what the
 * public pages list (the territories, the relays) without a query per page. Another instance's
 * change shows here within that time; readers keep the copy they took.
 */
public final class KeptCopy<T> {

  private record Kept<T>(T value, long until) {}

  private final long keptNanos;
  private final Supplier<T> read;
  private volatile Kept<T> kept;

  public KeptCopy(long keptMillis, Supplier<T> read) {
    this.keptNanos = TimeUnit.MILLISECONDS.toNanos(keptMillis);
    this.read = read;
  }

  public T get() {
    Kept<T> now = kept;
    if (now == null || now.until() - System.nanoTime() < 0) {
      now = new Kept<>(read.get(), System.nanoTime() + keptNanos);
      kept = now;
    }
    return now.value();
  }

  /** Reads it again at the next {@link #get()}: what this instance changed shows at once. */
  public void forget() {
    kept = null;
  }
}
