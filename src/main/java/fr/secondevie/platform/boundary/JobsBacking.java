package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.platform.control.JobLeases.JobState;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The page of the scheduled jobs and the batches for the coordination and the national
 * coordination, as {@code GET /api/v1/jobs}: each one's last run with its offset, the instance that
 * ran it, how it ended, and who holds it now.
 */
@Named
@RequestScoped
public class JobsBacking {

  @Inject JobLeases leases;
  @Inject Caller caller;
  @Inject I18n i18n;

  private List<JobState> jobs;

  @PostConstruct
  void load() {
    jobs =
        leases.states(
            caller.hasRole(Roles.NATIONAL) ? null : caller.territoryId(), JobsResource.BATCH_DAYS);
  }

  public List<JobState> getScheduled() {
    return jobs.stream().filter(j -> j.kind().equals("SCHEDULED")).toList();
  }

  public List<JobState> getBatches() {
    return jobs.stream().filter(j -> j.kind().equals("BATCH")).toList();
  }

  public String getInstance() {
    return leases.instanceId();
  }

  /** "01/12/2026 14:05:07 +01:00", or a dash. */
  public String at(LocalDateTime time) {
    if (time == null) {
      return "—";
    }
    boolean french = i18n.getLocale().getLanguage().equals("fr");
    return time.atZone(ClockProducer.BUSINESS_ZONE)
        .format(
            DateTimeFormatter.ofPattern(
                french ? "dd/MM/yyyy HH:mm:ss xxx" : "d MMM yyyy, HH:mm:ss xxx",
                french ? Locale.FRENCH : Locale.ENGLISH));
  }

  /** The bundle key of a job's or batch's name (a batch: its kind, with its number after). */
  public String label(JobState job) {
    String name = job.name();
    int dash = name.lastIndexOf('-');
    if (job.kind().equals("BATCH") && dash > 0) {
      return "jobs.name." + name.substring(0, dash);
    }
    return "jobs.name." + name;
  }

  public String number(JobState job) {
    return job.kind().equals("BATCH")
        ? "n° " + job.name().substring(job.name().lastIndexOf('-') + 1)
        : "";
  }

  public String outcomeKey(JobState job) {
    return "jobs.outcome." + (job.lastOutcome() == null ? "NONE" : job.lastOutcome());
  }
}
