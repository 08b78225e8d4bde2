package fr.secondevie.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

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
}
