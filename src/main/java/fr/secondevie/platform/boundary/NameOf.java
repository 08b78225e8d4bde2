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
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A text that is the name of one of the constants of {@code value} (null or empty is valid: no
 * filter), e.g. {@code @NameOf(DeviceCategory.class)} on a query parameter: the list of accepted
 * values is the enum itself, never a copy in a pattern.
 */
@Documented
@Constraint(validatedBy = NameOf.Validator.class)
@Target({FIELD, METHOD, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface NameOf {

  Class<? extends Enum<?>> value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the text against the names of the enum's constants. */
  class Validator implements ConstraintValidator<NameOf, String> {

    private Set<String> names;
    private String message;

    @Override
    public void initialize(NameOf nameOf) {
      Enum<?>[] constants = nameOf.value().getEnumConstants();
      names = Arrays.stream(constants).map(Enum::name).collect(Collectors.toUnmodifiableSet());
      message =
          nameOf.message().isEmpty()
              ? "must be one of "
                  + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "))
              : nameOf.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isEmpty() || names.contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
      return false;
    }
  }
}
