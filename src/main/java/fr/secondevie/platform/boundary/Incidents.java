package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.LogLine;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * The log line of an incident (an unexpected failure answered 500): {@code event=incident
 * incident=<id>} and what an operator needs to find it, as {@code key=value} pairs on one line,
 * before the stack trace; the same id is in the answer's detail, in its {@code X-Incident-Id}
 * header and on the fault page, so the coordination's "incident 3f2a…" leads to the log at once
 * ({@code grep incident=3f2a…}).
 */
final class Incidents {

  static final String HEADER = "X-Incident-Id";

  private Incidents() {}

  static String line(String incident, HttpServletRequest request, Throwable failure) {
    return line(incident, request, request == null ? null : request.getRequestURI(), failure);
  }

  static String line(String incident, HttpServletRequest request, Object uri, Throwable failure) {
    LogLine line = LogLine.of("incident").with("incident", incident);
    if (request != null) {
      Principal user = null;
      try {
        user = request.getUserPrincipal();
      } catch (RuntimeException noUserHere) {
        // outside an authenticated request
      }
      line.with("method", request.getMethod())
          .with("path", uri)
          .with("user", user == null ? null : user.getName());
    }
    return line.with("instance", instanceId())
        .with(
            "exception",
            failure == null ? null : failure.getClass().getName() + ": " + failure.getMessage())
        .toString();
  }

  private static String instanceId() {
    try {
      return jakarta
          .enterprise
          .inject
          .spi
          .CDI
          .current()
          .select(fr.secondevie.platform.control.InstanceIdentity.class)
          .get()
          .id();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
