package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.Traceability.Summary;
import fr.secondevie.devices.boundary.Traceability.Trace;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The donor's trace page: a summary chart (an accessible table of bars) and the devices one by one;
 * the downloads are served by {@link TraceDownloads}.
 */
@Named
@RequestScoped
public class TraceBacking {

  /** One bar of the summary chart. */
  public record Bar(String labelKey, long count, int percent) {}

  @Inject HttpServletRequest request;
  @Inject Traceability traceability;

  private Trace trace;

  @PostConstruct
  void load() {
    String id = request.getParameter("id");
    try {
      if (id == null || !id.matches("\\d{1,18}")) {
        throw BusinessException.notFound("Donation");
      }
      trace = traceability.of(Long.parseLong(id));
    } catch (BusinessException e) {
      trace = null;
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }
  }

  public Trace getTrace() {
    return trace;
  }

  public List<Bar> getBars() {
    Summary s = trace.summary();
    long total = Math.max(s.received(), 1);
    return List.of(
        new Bar("trace.received", s.received(), 100),
        new Bar("trace.inWorkshop", s.inWorkshop(), (int) (100 * s.inWorkshop() / total)),
        new Bar("trace.available", s.available(), (int) (100 * s.available() / total)),
        new Bar("trace.sold", s.sold(), (int) (100 * s.sold() / total)),
        new Bar("trace.recycled", s.recycled(), (int) (100 * s.recycled() / total)));
  }
}
