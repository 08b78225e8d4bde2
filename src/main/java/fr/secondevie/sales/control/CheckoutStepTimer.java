package fr.secondevie.sales.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times each {@link CheckoutStep}, around its transaction (so the commit, where a completion waits
 * for the relay's receipt counter, is counted), and tags it with its outcome: a refusal is timed
 * apart from a step done.
 */
@CheckoutStep
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class CheckoutStepTimer {

  @Inject BusinessMetrics metrics;

  @AroundInvoke
  Object time(InvocationContext invocation) throws Exception {
    CheckoutStep step = invocation.getMethod().getAnnotation(CheckoutStep.class);
    String name =
        step == null || step.value().isEmpty() ? invocation.getMethod().getName() : step.value();
    long began = System.nanoTime();
    boolean done = false;
    try {
      Object result = invocation.proceed();
      done = true;
      return result;
    } finally {
      metrics.time(
          "checkout.step",
          "How long each step of a checkout took, commit included",
          Duration.ofNanos(System.nanoTime() - began),
          new Tag("step", name),
          new Tag("outcome", done ? "done" : "refused"));
    }
  }
}
