package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems.FieldError;
import fr.secondevie.platform.security.SecondeVieAuthentication;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error pages of {@code web.xml}: an error the container raised for a path under {@code /api/}
 * (no such path, a method or media type it refused, an exception outside JAX-RS) is answered as a
 * problem with a code, like every other answer of the API; for a page, the site's HTML page of that
 * status (a plain line for the statuses that have none).
 */
@WebServlet("/error/page")
public class ErrorPages extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());
  private static final Set<Integer> PAGES = Set.of(403, 404);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : 500;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String incident = null;
    if (status >= 500) {
      incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, Incidents.line(incident, request, uri, failure), failure);
      response.setHeader(Incidents.HEADER, incident);
    }
    if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
      response.resetBuffer();
      if (status >= 500) {
        ApiEdge.write(
            response,
            500,
            "INTERNAL_ERROR",
            "An unexpected error occurred (incident " + incident + ")",
            List.of());
      } else {
        String problemCode = ProblemMapper.codeOf(status);
        ApiEdge.write(
            response,
            status,
            problemCode,
            detail(status),
            problemCode.equals("INVALID_INPUT")
                ? List.of(new FieldError("request", detail(status)))
                : List.of());
      }
      return;
    }
    int page = status >= 500 ? 500 : status;
    if (page == 500) {
      HttpSession session = request.getSession(false);
      boolean loggedIn =
          session != null
              && session.getAttribute(SecondeVieAuthentication.SESSION_ATTRIBUTE) != null;
      String path =
          uri == null ? null : uri.toString().substring(request.getContextPath().length());
      response.resetBuffer();
      response.setStatus(status);
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write(FaultPage.html(loggedIn, path, incident));
      return;
    }
    if (PAGES.contains(page)) {
      response.setStatus(status);
      request.getRequestDispatcher("/error/" + page + ".html").forward(request, response);
    } else {
      response.setStatus(status);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().println(status + " " + detail(status));
    }
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The request is not valid";
      case 403 -> "Your role does not allow this operation";
      case 404 -> "No such resource";
      case 405 -> "This method is not allowed here";
      case 406 -> "No representation matches the Accept header";
      case 413 -> RequiredBody.tooLarge().getMessage();
      case 415 -> "This media type is not accepted here";
      default -> "The request was refused";
    };
  }
}
