package fr.secondevie.impact.control;

import fr.secondevie.impact.control.DemandFigures.CategoryDemand;
import fr.secondevie.impact.control.ImpactReport.CategoryImpact;
import fr.secondevie.impact.control.TerritoryDashboard.CategorySupply;
import fr.secondevie.impact.control.TerritoryDashboard.Dashboard;
import fr.secondevie.impact.control.TerritoryDashboard.WorkshopUse;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.entity.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The yearly impact report of a territory, as an authority publishes it: the dashboard's figures
 * (the same numbers, read back by the tests), then how each is counted, the sources and constants,
 * and the limits — what is counted from the chain's records and what is an estimate. French by
 * default, English on request; numbers and days in the language's format.
 */
@ApplicationScoped
public class TerritoryImpactPdf {

  @Inject Clock clock;

  public byte[] render(Dashboard d, Locale locale) {
    Words w = new Words(locale);
    String title = w.text("report.title", String.valueOf(d.year()), d.territoryName());
    try (PdfDocument pdf = new PdfDocument(title)) {
      pdf.subject(w.text("report.subject", d.territoryCode(), String.valueOf(d.year())))
          .heading(title, 17)
          .text(
              w.text("report.period", w.day(d.from()), w.day(d.to()))
                  + " "
                  + w.text("report.drawn", w.day(LocalDate.now(clock))),
              10);
      if (d.yearUnderWay()) {
        pdf.text(w.text("report.provisional"), 10);
      }
      pdf.rule().heading(w.text("report.impact"), 13);
      var i = d.impact();
      pdf.text(w.text("report.environmental"), 11)
          .field(w.text("report.co2"), w.decimal(i.kgCo2eAvoided()) + " kg")
          .field(w.text("report.materials"), w.decimal(i.kgRawMaterialsAvoided()) + " kg")
          .field(w.text("report.reused"), w.count(i.devicesReused()))
          .field(w.text("report.recycled"), w.count(i.devicesRecycled()))
          .gap(4)
          .text(w.text("report.social"), 11)
          .field(w.text("report.peopleEquipped"), w.count(i.peopleEquipped()))
          .field(w.text("report.trainings"), w.count(i.trainingsGiven()))
          .gap(4)
          .text(w.text("report.economic"), 11)
          .field(w.text("report.insertionHours"), w.decimal(i.insertionHours()) + " h")
          .field(w.text("report.fte"), w.decimal(i.fullTimeEquivalents()));

      var s = d.supply();
      pdf.rule()
          .heading(w.text("report.supply"), 13)
          .field(w.text("report.pledged"), w.count(s.pledgedItems()))
          .field(w.text("report.received"), w.count(s.received()))
          .field(w.text("report.refurbished"), w.count(s.refurbished()))
          .field(w.text("report.recycledSupply"), w.count(s.recycled()))
          .field(w.text("report.reusedSupply"), w.count(s.reused()));
      var table =
          pdf.table(
              9,
              new float[] {0, 150, 215, 280, 345, 410},
              w.text("report.col.category"),
              w.text("report.col.pledged"),
              w.text("report.col.received"),
              w.text("report.col.refurbished"),
              w.text("report.col.recycled"),
              w.text("report.col.reused"));
      for (CategorySupply c : s.byCategory()) {
        table.row(
            w.text("category." + c.category()),
            w.count(c.pledgedItems()),
            w.count(c.received()),
            w.count(c.refurbished()),
            w.count(c.recycled()),
            w.count(c.reused()));
      }

      var m = d.demand();
      pdf.gap(6)
          .heading(w.text("report.demand"), 13)
          .field(w.text("report.diagnosed"), w.count(m.diagnosed()))
          .field(w.text("report.eligible"), w.count(m.eligible()))
          .field(w.text("report.equipped"), w.count(m.equipped()))
          .field(w.text("report.waiting"), w.count(m.waiting()))
          .field(w.text("report.medianWait"), w.days(m.medianWaitDays()));
      var needs =
          pdf.table(
              9,
              new float[] {0, 170, 250, 330, 410},
              w.text("report.col.recommended"),
              w.text("report.col.diagnosed"),
              w.text("report.col.equipped"),
              w.text("report.col.waiting"),
              w.text("report.col.medianWait"));
      for (CategoryDemand c : m.byCategory()) {
        needs.row(
            c.category() == null ? w.text("report.notStated") : w.text("category." + c.category()),
            w.count(c.diagnosed()),
            w.count(c.equipped()),
            w.count(c.waiting()),
            w.days(c.medianWaitDays()));
      }

      pdf.gap(6).heading(w.text("report.workshops"), 13);
      var workshops =
          pdf.table(
              9,
              new float[] {0, 170, 250, 320, 390},
              w.text("report.col.workshop"),
              w.text("report.col.capacity"),
              w.text("report.col.takenIn"),
              w.text("report.col.refurbished"),
              w.text("report.col.hours"));
      for (WorkshopUse u : d.workshops()) {
        workshops.row(
            u.name(),
            u.capacityInPeriod() == null
                ? w.text("report.noCapacity")
                : w.count(u.capacityInPeriod())
                    + (u.usePercent() == null ? "" : " (" + u.usePercent() + " %)"),
            w.count(u.takenIn()),
            w.count(u.refurbished()),
            w.decimal(u.insertionHours()));
      }

      var v = d.vouchers();
      pdf.gap(6)
          .heading(w.text("report.vouchers"), 13)
          .field(w.text("report.issued"), w.count(v.issued()))
          .field(w.text("report.redeemed"), w.count(v.redeemed()))
          .field(w.text("report.applied"), Money.ofCents(v.redeemedAppliedCents()).format(locale))
          .field(w.text("report.outstanding"), w.count(v.outstanding()));

      pdf.rule().heading(w.text("report.method"), 13);
      for (String key :
          new String[] {
            "report.method.supply",
            "report.method.demand",
            "report.method.workshops",
            "report.method.vouchers",
            "report.method.environmental",
            "report.method.social",
            "report.method.economic"
          }) {
        pdf.text(w.text(key), 9);
      }
      pdf.heading(w.text("report.sources"), 13);
      var factors =
          pdf.table(
              9,
              new float[] {0, 130, 215},
              w.text("report.col.category"),
              w.text("report.col.co2Factor"),
              w.text("report.col.materialsFactor"));
      for (CategoryImpact c : i.byCategory()) {
        factors.row(
            w.text("category." + c.category()),
            c.kgCo2eFactor() == null ? w.text("report.noFactor") : w.decimal(c.kgCo2eFactor()),
            c.kgRawMaterialsFactor() == null
                ? w.text("report.noFactor")
                : w.decimal(c.kgRawMaterialsFactor()));
      }
      pdf.gap(4)
          .text(w.text("report.factorsSource", i.factorsSource()), 9)
          .text(w.text("report.fteSource", w.count(i.hoursPerFte()), i.hoursPerFteSource()), 9);
      pdf.heading(w.text("report.limits"), 13);
      for (String key :
          new String[] {
            "report.limits.counted",
            "report.limits.estimated",
            "report.limits.noFactor",
            "report.limits.hours",
            "report.limits.needs",
            "report.limits.territory"
          }) {
        pdf.text(w.text(key), 9);
      }
      return pdf.toBytes();
    }
  }

  /** The words and number formats of one language. */
  private record Words(Locale locale, ResourceBundle bundle) {

    Words(Locale locale) {
      this(locale, ResourceBundle.getBundle("fr.secondevie.i18n.messages", locale));
    }

    String text(String key, Object... args) {
      String pattern = bundle.getString(key);
      return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    String count(long n) {
      return NumberFormat.getIntegerInstance(locale).format(n);
    }

    String decimal(BigDecimal n) {
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(2);
      format.setMaximumFractionDigits(2);
      return format.format(n);
    }

    String days(BigDecimal days) {
      if (days == null) {
        return "—";
      }
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(1);
      format.setMaximumFractionDigits(1);
      return text("report.daysValue", format.format(days));
    }

    String day(LocalDate day) {
      String text = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
      return locale.getLanguage().equals("fr") && day.getDayOfMonth() == 1
          ? "1er" + text.substring(1)
          : text;
    }
  }
}
