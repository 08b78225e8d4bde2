package fr.secondevie.impact.boundary;

import fr.secondevie.impact.control.TerritoryDashboard;
import fr.secondevie.impact.control.TerritoryDashboard.Dashboard;
import fr.secondevie.impact.control.TerritoryImpactPdf;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Who reads which territory's dashboard: the national coordination every territory; the
 * coordination (admin) and the funders of a territory that territory only — another one is not
 * found, as if it did not exist. One read-only transaction per dashboard, so its figures are of one
 * moment.
 */
@ApplicationScoped
public class TerritoryDashboards {

  /** The first year a dashboard is asked for and the last: beyond, the year is a mistake. */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2100;

  @Inject TerritoryDashboard dashboards;
  @Inject TerritoryImpactPdf pdf;
  @Inject Territories territories;
  @Inject Caller caller;
  @Inject Clock clock;

  /** The territory if the caller may read its dashboard, else 404. */
  public Territory reachable(long territoryId) {
    boolean national = caller.hasRole(Roles.NATIONAL);
    boolean own =
        (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.FUNDER))
            && caller.territoryId() == territoryId;
    if (!national && !own) {
      throw BusinessException.notFound("Territory");
    }
    return territories.find(territoryId).orElseThrow(() -> BusinessException.notFound("Territory"));
  }

  /** The territories the caller may read: every one for the national coordination, else its own. */
  public List<Territory> readable() {
    if (caller.hasRole(Roles.NATIONAL)) {
      return territories.all();
    }
    return territories.find(caller.territoryId()).stream().toList();
  }

  @Transactional
  public Dashboard of(long territoryId, Integer year) {
    return dashboards.of(reachable(territoryId), year == null ? thisYear() : year);
  }

  @Transactional
  public List<Dashboard> compared(int year) {
    return readable().stream().map(t -> dashboards.of(t, year)).toList();
  }

  @Transactional
  public byte[] report(long territoryId, Integer year, Locale locale) {
    return pdf.render(of(territoryId, year), locale);
  }

  public int thisYear() {
    return LocalDate.now(clock).getYear();
  }

  /** A year as a client writes it: absent is this year; not a year from 2000 to 2100 is 400. */
  public Integer year(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.strip().matches("\\d{4}")) {
      throw BusinessException.invalid("year", "year must be a year such as 2026");
    }
    int year = Integer.parseInt(value.strip());
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw BusinessException.invalid("year", "year is between 2000 and 2100");
    }
    return year;
  }
}
