package fr.secondevie.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Acts started at the same instant, one thread each, behind a barrier: what two counters (or two
 * instances) do when they reach for the same device, voucher or quota unit at once.
 */
public final class Race {

  private Race() {}

  /** Runs every act at once and returns their results in the order given. */
  public static <T> List<T> of(List<Callable<T>> acts) throws Exception {
    CyclicBarrier start = new CyclicBarrier(acts.size());
    ExecutorService pool = Executors.newFixedThreadPool(acts.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> act : acts) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return act.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code act(0)} to {@code act(threads - 1)} at once. */
  public static <T> List<T> of(int threads, IntFunction<T> act) throws Exception {
    List<Callable<T>> acts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      acts.add(() -> act.apply(n));
    }
    return of(acts);
  }
}
