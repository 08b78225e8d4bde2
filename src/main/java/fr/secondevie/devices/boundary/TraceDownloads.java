package fr.secondevie.devices.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The downloads of the donor's trace page (logged in with the form): {@code ?donation=ID} gives the
 * trace as CSV, {@code &certificate=DEVICE} the erasure certificate of one of its devices, {@code
 * &transfer} a public body's attestation of free transfer. Same rules as the API: another company's
 * donation or device is "not found".
 */
@WebServlet("/app/donor/downloads")
public class TraceDownloads extends HttpServlet {

  @Inject Traceability traceability;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String donation = request.getParameter("donation");
    String certificate = request.getParameter("certificate");
    if (donation == null || !donation.matches("\\d{1,18}")) {
      response.sendError(404);
      return;
    }
    try {
      Traceability.Trace trace = traceability.of(Long.parseLong(donation));
      byte[] body;
      if (request.getParameter("transfer") != null) {
        Document pdf = traceability.transferCertificate(Long.parseLong(donation));
        body = pdf.pdf();
        response.setContentType(Document.PDF);
        response.setHeader("Content-Disposition", pdf.disposition("attachment"));
      } else if (certificate == null) {
        body = TraceCsv.forPeople(trace.devices());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
            "Content-Disposition", "attachment; filename=\"don-" + donation + "-suivi.csv\"");
      } else {
        long deviceId = certificate.matches("\\d{1,18}") ? Long.parseLong(certificate) : -1;
        if (trace.devices().stream().noneMatch(d -> d.deviceId() == deviceId)) {
          throw BusinessException.notFound("Device");
        }
        Document pdf = traceability.erasureCertificate(deviceId);
        body = pdf.pdf();
        response.setContentType(Document.PDF);
        response.setHeader("Content-Disposition", pdf.disposition("attachment"));
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    } catch (BusinessException e) {
      response.sendError(404);
    }
  }
}
