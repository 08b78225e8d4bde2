package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.platform.control.JobLeases.JobState;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The scheduled jobs and the batches (API.md second part, "Operations"): each job's last run, the
 * instance that ran it and how it ended; for a batch, the instance holding it now or last. The
 * coordination sees the jobs and its own territory's batches of the last {@value #BATCH_DAYS} days,
 * the national coordination every territory's.
 */
@Path("jobs")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  static final int BATCH_DAYS = 30;

  /**
   * A job or a batch, and its lease: {@code holder} is null while nobody runs it. Every field is
   * written, null ones too: a job that never ran says so.
   */
  @JsonbNillable
  public record JobView(
      String name,
      String kind,
      OffsetDateTime lastRunAt,
      String lastInstance,
      String lastOutcome,
      OffsetDateTime lastFinishedAt,
      String lastDetail,
      OffsetDateTime periodStart,
      String holder,
      OffsetDateTime leaseUntil,
      long runs,
      int takeovers) {

    static JobView of(JobState s) {
      return new JobView(
          s.name(),
          s.kind(),
          offset(s.lastRunAt()),
          s.lastInstance(),
          s.lastOutcome(),
          offset(s.lastFinishedAt()),
          s.lastDetail(),
          offset(s.periodStart()),
          s.holder(),
          offset(s.leaseUntil()),
          s.runs(),
          s.takeovers());
    }
  }

  @Inject JobLeases leases;
  @Inject Caller caller;

  @GET
  public List<JobView> jobs() {
    return leases
        .states(caller.hasRole(Roles.NATIONAL) ? null : caller.territoryId(), BATCH_DAYS)
        .stream()
        .map(JobView::of)
        .toList();
  }

  static OffsetDateTime offset(LocalDateTime time) {
    return time == null ? null : time.atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
  }
}
