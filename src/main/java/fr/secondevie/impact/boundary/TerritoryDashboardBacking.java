package fr.secondevie.impact.boundary;

import fr.secondevie.impact.boundary.Charts.Series;
import fr.secondevie.impact.control.DemandFigures.CategoryDemand;
import fr.secondevie.impact.control.TerritoryDashboard.CategorySupply;
import fr.secondevie.impact.control.TerritoryDashboard.Dashboard;
import fr.secondevie.impact.control.TerritoryDashboard.WorkshopUse;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.boundary.I18n;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The territorial dashboard page and the national comparison: the figures of the API's dashboard,
 * each chart beside the table that states the same numbers.
 */
@Named
@RequestScoped
public class TerritoryDashboardBacking {

  /** The series' colours: the brand's green, a slate grey, an amber and a blue (3:1 on white). */
  private static final String[] COLOURS = {"#0b5d3b", "#4b5563", "#a15c00", "#1d4ed8"};

  @Inject TerritoryDashboards dashboards;
  @Inject I18n i18n;

  private Long territory;
  private String year;
  private Dashboard dashboard;
  private boolean loaded;
  private List<Dashboard> compared;

  /** The dashboard asked for; null when the territory is not the caller's or the year is wrong. */
  public Dashboard getDashboard() {
    if (!loaded) {
      loaded = true;
      try {
        long id = territory != null ? territory : dashboards.readable().get(0).id();
        dashboard = dashboards.of(id, dashboards.year(year));
      } catch (BusinessException | IndexOutOfBoundsException e) {
        dashboard = null;
      }
    }
    return dashboard;
  }

  /** Every territory the caller reads, the year asked for (national comparison). */
  public List<Dashboard> getCompared() {
    if (compared == null) {
      Integer y;
      try {
        y = dashboards.year(year);
      } catch (BusinessException e) {
        y = null;
      }
      compared = dashboards.compared(y == null ? dashboards.thisYear() : y);
    }
    return compared;
  }

  public List<Territory> getTerritories() {
    return dashboards.readable();
  }

  public int getShownYear() {
    Dashboard d = getDashboard();
    if (d != null) {
      return d.year();
    }
    return getCompared().isEmpty() ? dashboards.thisYear() : getCompared().get(0).year();
  }

  public List<Integer> getYears() {
    int now = dashboards.thisYear();
    return List.of(now, now - 1, now - 2, now - 3);
  }

  public String getSupplyChart() {
    List<CategorySupply> c = getDashboard().supply().byCategory();
    return Charts.bar(
        c.stream().map(s -> i18n.text("category." + s.category())).toList(),
        List.of(
            new Series(
                i18n.text("dashboard.col.received"),
                COLOURS[0],
                c.stream().map(CategorySupply::received).toList()),
            new Series(
                i18n.text("dashboard.col.refurbished"),
                COLOURS[3],
                c.stream().map(CategorySupply::refurbished).toList()),
            new Series(
                i18n.text("dashboard.col.recycled"),
                COLOURS[1],
                c.stream().map(CategorySupply::recycled).toList()),
            new Series(
                i18n.text("dashboard.col.reused"),
                COLOURS[2],
                c.stream().map(CategorySupply::reused).toList())),
        false);
  }

  public String getDemandChart() {
    var d = getDashboard().demand();
    return Charts.bar(
        List.of(
            i18n.text("dashboard.demand.diagnosed"),
            i18n.text("dashboard.demand.eligible"),
            i18n.text("dashboard.demand.equipped"),
            i18n.text("dashboard.demand.waiting")),
        List.of(
            new Series(
                i18n.text("dashboard.demand.people"),
                COLOURS[0],
                List.of(d.diagnosed(), d.eligible(), d.equipped(), d.waiting()))),
        true);
  }

  public String getWorkshopChart() {
    List<WorkshopUse> w = getDashboard().workshops();
    return Charts.bar(
        w.stream().map(WorkshopUse::name).toList(),
        List.of(
            new Series(
                i18n.text("dashboard.col.takenIn"),
                COLOURS[0],
                w.stream().map(WorkshopUse::takenIn).toList()),
            new Series(
                i18n.text("dashboard.col.refurbished"),
                COLOURS[3],
                w.stream().map(WorkshopUse::refurbished).toList())),
        true);
  }

  public String getVoucherChart() {
    var v = getDashboard().vouchers();
    return Charts.bar(
        List.of(
            i18n.text("dashboard.vouchers.issued"),
            i18n.text("dashboard.vouchers.redeemed"),
            i18n.text("dashboard.vouchers.outstanding")),
        List.of(
            new Series(
                i18n.text("dashboard.vouchers.count"),
                COLOURS[0],
                List.of(v.issued(), v.redeemed(), v.outstanding()))),
        true);
  }

  public String getImpactChart() {
    var c = getDashboard().impact().byCategory();
    return Charts.bar(
        c.stream().map(s -> i18n.text("category." + s.category())).toList(),
        List.of(
            new Series(
                i18n.text("dashboard.impact.co2Short"),
                COLOURS[0],
                c.stream().map(s -> s.kgCo2eAvoided()).toList())),
        false);
  }

  /** The national comparison: people equipped, devices reused and insertion hours by territory. */
  public String getComparisonChart() {
    List<Dashboard> all = getCompared();
    return Charts.bar(
        all.stream().map(Dashboard::territoryCode).toList(),
        List.of(
            new Series(
                i18n.text("dashboard.col.reused"),
                COLOURS[0],
                all.stream().map(d -> d.supply().reused()).toList()),
            new Series(
                i18n.text("dashboard.demand.equipped"),
                COLOURS[3],
                all.stream().map(d -> d.demand().equipped()).toList())),
        false);
  }

  /** A recommended category's label, or "not stated". */
  public String categoryOf(CategoryDemand c) {
    return c.category() == null
        ? i18n.text("dashboard.demand.notStated")
        : i18n.text("category." + c.category());
  }

  public Long getTerritory() {
    return territory;
  }

  public void setTerritory(Long territory) {
    this.territory = territory;
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = year;
  }
}
