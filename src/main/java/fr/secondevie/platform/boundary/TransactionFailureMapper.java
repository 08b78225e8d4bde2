package fr.secondevie.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A use case whose transaction failed at commit, after its method returned: the {@code
 * jakarta.transaction.Transactional} interceptor throws a {@code TransactionalException} around the
 * {@code RollbackException}. Jersey's CDI integration registers its own mapper for exactly that
 * type, which answers only for a {@code WebApplicationException} and otherwise throws the exception
 * again, so that it left the API as the servlet container's HTML error page. This mapper, for the
 * same type and ahead of it by priority, answers the database's refusals as problems ({@link
 * CommitFailures}) and anything else as {@link ProblemMapper} does (a 500 with an incident id).
 */
@Provider
@Priority(Priorities.USER - 1000)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

  @Override
  public Response toResponse(TransactionalException exception) {
    return new ProblemMapper().toResponse(exception);
  }
}
