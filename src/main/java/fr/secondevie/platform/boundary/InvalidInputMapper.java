package fr.secondevie.platform.boundary;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures, as 400 {@code INVALID_INPUT} with one error per field. Registered for
 * the exact exception type so that it wins over the JAX-RS runtime's own HTML mapper.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException invalid) {
    return ProblemMapper.problem(
        400, "INVALID_INPUT", "The request has invalid fields", ProblemMapper.fieldErrors(invalid));
  }
}
