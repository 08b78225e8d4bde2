package fr.secondevie.receipts.control;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The receipt's PDF with every mention of cerfa n°16216 for a gift in kind: number, the receiving
 * organisation (name, address, SIREN or RNA, object, legal category), the donor company (name,
 * legal form, SIREN, address), the amount in figures between asterisks and in words, the date, the
 * nature and an exhaustive description of the goods, the value as determined by the donor, the
 * certification and the signatory.
 */
@ApplicationScoped
public class ReceiptRenderer {

  @Inject Settings settings;

  public byte[] render(
      String number,
      Organisation issuer,
      Organisation donor,
      Donation donation,
      LocalDate issuedOn,
      String replaces) {
    Money amount = donation.totalValue();
    try (PdfDocument pdf = new PdfDocument("Reçu fiscal " + number)) {
      pdf.heading("Reçu des dons et versements effectués par les entreprises", 14)
          .text("au titre de l'article 238 bis du code général des impôts", 12)
          .field("Numéro d'ordre du reçu", number);
      if (replaces != null) {
        pdf.field("Remplace le reçu", replaces + " (annulé)");
      }
      pdf.rule()
          .heading("Organisme bénéficiaire", 12)
          .field("Dénomination", issuer.name())
          .field("Adresse", address(issuer))
          .field(issuer.siren() != null ? "SIREN" : "RNA", identifier(issuer))
          .field("Objet", DocumentFrench.orDash(issuer.object()))
          .field("Catégorie juridique", DocumentFrench.orDash(issuer.legalForm()))
          .rule()
          .heading("Entreprise donatrice", 12)
          .field("Dénomination", donor.name())
          .field("Forme juridique", DocumentFrench.orDash(donor.legalForm()))
          .field("SIREN", DocumentFrench.orDash(donor.siren()))
          .field("Adresse", address(donor))
          .rule()
          .text(
              "Le bénéficiaire reconnaît avoir reçu, au titre des dons et versements ouvrant droit"
                  + " à réduction d'impôt, la somme de :")
          .text("*** " + figures(amount) + " ***", 14)
          .text("Somme en toutes lettres : " + AmountInWords.of(amount))
          .field("Date du don", DocumentFrench.day(donation.receivedAt().toLocalDate()))
          .field("Nature du don", "Don en nature")
          .field("Mode de versement", "Remise de matériel informatique")
          .text("Description exhaustive des biens donnés :");
      for (DonationItem item : donation.items()) {
        pdf.text(
            "– "
                + item.quantity()
                + " × "
                + DocumentFrench.label("category." + item.category().name())
                + (item.description() == null || item.description().isBlank()
                    ? ""
                    : " (" + item.description() + ")")
                + " : valeur unitaire "
                + figures(item.unitValue())
                + ", soit "
                + figures(item.totalValue()),
            10);
      }
      return pdf.text(
              "Valeur déterminée par l'entreprise donatrice (prix de revient ou valeur en stock),"
                  + " sous sa responsabilité.",
              10)
          .rule()
          .text(
              "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit"
                  + " ouvrent droit à la réduction d'impôt prévue à l'article 238 bis du code"
                  + " général des impôts.",
              10)
          .field("Fait à", DocumentFrench.placeAndDay(issuer.city(), issuedOn))
          .field("Signature", settings.receiptSignatory())
          .gap(10)
          .text(settings.receiptModel(), 8)
          .toBytes();
    }
  }

  static String figures(Money amount) {
    return amount.format(Locale.FRANCE);
  }

  private static String address(Organisation o) {
    return DocumentFrench.address(o.address(), o.postalCode(), o.city());
  }

  private static String identifier(Organisation o) {
    if (o.siren() != null && o.rna() != null) {
      return o.siren() + " (RNA " + o.rna() + ")";
    }
    return o.siren() != null ? o.siren() : DocumentFrench.orDash(o.rna());
  }
}
