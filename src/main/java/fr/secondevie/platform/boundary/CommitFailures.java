package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.SqlStates;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * What the database refused when a use case wrote: at a flush inside the method, or at the commit
 * after it returned (then wrapped in a {@code TransactionalException}, an EJB exception or a {@code
 * RollbackException}). Another request changed or locked the same record first: 409 {@code
 * CONCURRENT_UPDATE}, try again. A unique key already holds the value this request wrote (two
 * requests created the same thing at once): 409 {@code ALREADY_EXISTS}. The chain of causes is
 * read, never the message, so it holds on H2 and PostgreSQL alike (SQLState of the standard).
 */
final class CommitFailures {

  private CommitFailures() {}

  /** The problem answering this failure, when it is one of the database's refusals above. */
  static Optional<Response> problemOf(Throwable exception) {
    if (SqlStates.isConcurrentUpdate(exception)) {
      return Optional.of(
          ProblemMapper.problem(
              409,
              "CONCURRENT_UPDATE",
              "Someone else changed this record at the same time: read it again and retry",
              List.of()));
    }
    if (SqlStates.isUniqueViolation(exception)) {
      return Optional.of(
          ProblemMapper.problem(
              409,
              "ALREADY_EXISTS",
              "This record already exists: another request created it at the same time",
              List.of()));
    }
    return Optional.empty();
  }
}
