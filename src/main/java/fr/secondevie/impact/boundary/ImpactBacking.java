package fr.secondevie.impact.boundary;

import fr.secondevie.impact.control.ImpactReport;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The year's impact, for the public home and for a donor company's own page. */
@Named
@RequestScoped
public class ImpactBacking {

  @Inject ImpactReport report;
  @Inject Caller caller;
  @Inject Clock clock;

  private ImpactReport.Impact chain;
  private ImpactReport.Impact mine;

  public ImpactReport.Impact getChain() {
    if (chain == null) {
      LocalDate today = LocalDate.now(clock);
      chain = report.of(today.withDayOfYear(1), today, Optional.empty());
    }
    return chain;
  }

  public ImpactReport.Impact getMine() {
    if (mine == null && caller.hasRole(Roles.DONOR)) {
      LocalDate today = LocalDate.now(clock);
      mine = report.of(today.withDayOfYear(1), today, Optional.of(caller.organisationId()));
    }
    return mine;
  }

  /** A bar's width in percent of the largest category, for the accessible bar chart. */
  public long barPercent(long value, ImpactReport.Impact impact) {
    long max =
        impact.byCategory().stream().mapToLong(c -> c.reused() + c.recycled()).max().orElse(0);
    return max == 0 ? 0 : Math.round(100.0 * value / max);
  }
}
