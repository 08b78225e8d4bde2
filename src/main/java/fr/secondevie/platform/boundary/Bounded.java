package fr.secondevie.platform.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * A number between {@code min} and {@code max} inclusive (null is valid: add {@code @NotNull}).
 * Used instead of {@code @Min}/{@code @Max}/{@code @PositiveOrZero} on the components of request
 * records: Payara 6.2025.10's OpenAPI generator fails on those standard constraints when they sit
 * on a record's constructor parameters (it takes them for path parameters), which breaks {@code
 * /openapi}.
 */
@Documented
@Constraint(validatedBy = {Bounded.Validator.class, Bounded.SizeValidator.class})
@Target({FIELD, METHOD, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Bounded {

  long min() default 0;

  long max() default Long.MAX_VALUE;

  String message() default "must be between {min} and {max}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks integers and decimals against the bounds. */
  class Validator implements ConstraintValidator<Bounded, Number> {

    private long min;
    private long max;

    @Override
    public void initialize(Bounded bounded) {
      min = bounded.min();
      max = bounded.max();
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      BigDecimal number =
          value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
      return number.compareTo(BigDecimal.valueOf(min)) >= 0
          && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
  }

  /** Checks the number of elements of a collection against the bounds. */
  class SizeValidator implements ConstraintValidator<Bounded, Collection<?>> {

    private long min;
    private long max;

    @Override
    public void initialize(Bounded bounded) {
      min = bounded.min();
      max = bounded.max();
    }

    @Override
    public boolean isValid(Collection<?> value, ConstraintValidatorContext context) {
      return value == null || (value.size() >= min && value.size() <= max);
    }
  }
}
