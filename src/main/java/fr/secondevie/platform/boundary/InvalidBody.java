package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems.FieldError;
import java.util.List;

/** A request body refused before binding: 400 {@code INVALID_INPUT} with its errors per field. */
class InvalidBody extends RuntimeException {

  private final transient List<FieldError> errors;

  InvalidBody(String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }
}
