package fr.secondevie.impact.control;

import fr.secondevie.impact.control.ImpactReport.CategoryImpact;
import fr.secondevie.impact.control.ImpactReport.Impact;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import jakarta.enterprise.context.ApplicationScoped;

/** The impact report a donor company attaches to its CSR report: figures, categories, source. */
@ApplicationScoped
public class ImpactPdf {

  public byte[] render(String company, String scope, Impact impact) {
    try (PdfDocument pdf = new PdfDocument("Rapport d'impact " + company)) {
      pdf.heading("Seconde Vie — rapport d'impact", 18)
          .text(company + " — " + scope, 12)
          .rule()
          .field("Appareils réemployés", Long.toString(impact.devicesReused()))
          .field("Personnes équipées", Long.toString(impact.peopleEquipped()))
          .field("Appareils recyclés", Long.toString(impact.devicesRecycled()))
          .field("CO2e évité", decimal(impact.kgCo2eAvoided()) + " kg")
          .field("Matières premières économisées", decimal(impact.kgRawMaterialsAvoided()) + " kg")
          .rule()
          .heading("Par catégorie", 12);
      for (CategoryImpact c : impact.byCategory()) {
        pdf.field(
            DocumentFrench.label("category." + c.category()),
            c.reused()
                + " réemployé(s), "
                + c.recycled()
                + " recyclé(s)"
                + (c.kgCo2eFactor() == null
                    ? " — pas de facteur publié"
                    : " — "
                        + decimal(c.kgCo2eAvoided())
                        + " kg CO2e évités ("
                        + decimal(c.kgCo2eFactor())
                        + " kg par appareil)"));
      }
      return pdf.rule()
          .text("Source des facteurs : " + impact.factorsSource() + ".", 9)
          .text(
              "Un appareil réemployé est un appareil reconditionné vendu à une personne ; les"
                  + " émissions évitées sont comptées pour une année d'usage.",
              9)
          .toBytes();
    }
  }

  private static String decimal(java.math.BigDecimal value) {
    return value.toPlainString().replace('.', ',');
  }
}
