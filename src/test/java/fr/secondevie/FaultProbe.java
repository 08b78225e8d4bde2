package fr.secondevie;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test sources only (InsideTheServerIT's deployment): a public page that fails, to see the fault
 * page the container shows for a real fault.
 */
@WebServlet("/catalogue/test-fault")
public class FaultProbe extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    throw new IllegalStateException("a fault on purpose");
  }
}
