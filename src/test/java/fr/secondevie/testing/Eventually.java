package fr.secondevie.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what another instance, a job or a copy in memory will show soon. */
public final class Eventually {

  private Eventually() {}

  /** Milliseconds until the condition held, asked every 50 ms for at most 10 s. */
  public static long millisUntil(BooleanSupplier condition) throws InterruptedException {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - start).as("waited 10 s").isLessThan(10_000_000_000L);
      Thread.sleep(50);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Waits, asking every 200 ms, until the condition holds; fails after {@code limit}. */
  public static void until(Duration limit, BooleanSupplier condition) {
    value(limit, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  /** The first value {@code probe} finds, asked every 200 ms; fails after {@code limit}. */
  public static <T> T value(Duration limit, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
