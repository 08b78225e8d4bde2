package fr.secondevie.sales.control;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A step of a checkout at the counter (open, voucher, payment, completion), timed into {@code
 * /metrics} as {@code checkout.step} with its name: how long the counter waits at each step, commit
 * included, whether it came through the API or the sale screen.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CheckoutStep {

  /** The step's name, the metric's {@code step} tag. */
  @Nonbinding
  String value() default "";
}
