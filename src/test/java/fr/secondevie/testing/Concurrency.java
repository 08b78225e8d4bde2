package fr.secondevie.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocks;

/**
 * How the integration test classes share a run. They run one after the other in a random order,
 * except the few that spend most of their time waiting for the clock (a lease to lapse, a job's
 * next period): those are marked {@code @Execution(CONCURRENT)} and run beside the others, on the
 * second core the waiting leaves free. A class they would disturb, or that would disturb them,
 * takes one of these resource locks, as they do, so the two never overlap; this orderer puts such
 * classes after the others, so that by the time the sequence reaches them the waiting classes are
 * usually done and nothing stands still behind a lock.
 */
public final class Concurrency {

  /**
   * The instances on the suite's database besides {@link Server#shared()}: the second instance, a
   * spare, the in-container deployment. A test that kills the second one, or that needs to know
   * which instance ran a job, must be alone with the shared instance and them.
   */
  public static final String OTHER_INSTANCES = "the other instances on the suite's database";

  /**
   * The second territory's (ARA's) donations and tax-receipt batches: the job tests fill it with
   * lots and run batches over all of its waiting donations, which shifts its figures.
   */
  public static final String SECOND_TERRITORY = "the second territory's donations and batches";

  private Concurrency() {}

  /** The random order of the build, then the classes that take a lock after those that do not. */
  public static final class LockingClassesLast implements ClassOrderer {

    private final ClassOrderer random = new ClassOrderer.Random();

    @Override
    public void orderClasses(ClassOrdererContext context) {
      random.orderClasses(context);
      context
          .getClassDescriptors()
          .sort(
              Comparator.comparing(
                  descriptor ->
                      descriptor.isAnnotated(ResourceLock.class)
                          || descriptor.isAnnotated(ResourceLocks.class)));
    }
  }
}
