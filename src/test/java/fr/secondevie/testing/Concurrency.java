package fr.secondevie.testing;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * How the integration test classes share a run. They run one after the other in a random order,
 * except the few that spend most of their time waiting for the clock (a lease to lapse, a job's
 * next period): those are marked {@code @Execution(CONCURRENT)} and run beside the others, on the
 * second core the waiting leaves free. A class they would disturb, or that would disturb them,
 * takes one of these resource locks, as they do, so the two never overlap; {@link
 * LockingClassesLast} puts such classes after the others, so that by the time the sequence reaches
 * them the waiting classes are usually done and nothing stands still behind a lock.
 */
public final class Concurrency {

  /**
   * The instances on the suite's database besides {@link Server#shared()} and {@link
   * Server#second()}, such as the in-container deployment: a test that needs to know which instance
   * ran a job must not have a third one beside it.
   */
  public static final String OTHER_INSTANCES = "the other instances on the suite's database";

  /**
   * {@link Server#second()}: JobsAcrossInstancesIT kills it, the other tests of several instances
   * need it alive. These classes run last of all, after the in-container deployment has gone, so
   * that the second instance's connection pool and that deployment's are not both open beside the
   * shared instance's (PostgreSQL takes 100 clients, and other builds share the server).
   */
  public static final String SECOND_INSTANCE = "the suite's second instance";

  /**
   * The second territory's (ARA's) donations and tax-receipt batches: the job tests fill it with
   * lots and run batches over all of its waiting donations, which shifts its figures.
   */
  public static final String SECOND_TERRITORY = "the second territory's donations and batches";

  /**
   * Every table's rows: FuzzIT checks that a thousand hostile requests stored nothing anywhere, so
   * nothing may write beside it.
   */
  public static final String EVERY_TABLE = "the rows of every table";

  private Concurrency() {}

  /**
   * The random order of the build, then the classes that take a lock after those that do not, and
   * those that use the second instance last.
   */
  public static final class LockingClassesLast implements ClassOrderer {

    private final ClassOrderer random = new ClassOrderer.Random();

    @Override
    public void orderClasses(ClassOrdererContext context) {
      random.orderClasses(context);
      context.getClassDescriptors().sort(Comparator.comparingInt(LockingClassesLast::rank));
    }

    private static int rank(ClassDescriptor descriptor) {
      List<String> locks =
          descriptor.findRepeatableAnnotations(ResourceLock.class).stream()
              .map(ResourceLock::value)
              .toList();
      return locks.contains(SECOND_INSTANCE) ? 2 : locks.isEmpty() ? 0 : 1;
    }
  }
}
