package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.control.PdfTable;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The attestation of free transfer (cession à titre gratuit) of a public body's donation, for the
 * body's asset register: who gave, who received, the lot with the values the body gave, and what
 * became of each device — reused (on sale or sold), recycled, still in the workshop — with the
 * erasure certificate's reference. It is not a tax receipt: a public body has no right to the
 * reduction of CGI art. 238 bis, and the attestation says so.
 */
@ApplicationScoped
public class TransferCertificateRenderer {

  @Inject Settings settings;

  public byte[] render(
      Donation donation, Organisation coordination, List<Device> devices, LocalDate issuedOn) {
    Organisation body = donation.donor();
    try (PdfDocument pdf =
        new PdfDocument("Attestation de cession à titre gratuit, don " + donation.id())) {
      pdf.subject(body.name())
          .heading("Attestation de cession à titre gratuit", 16)
          .text("de matériel informatique, pour le registre des immobilisations du cédant", 11)
          .field("Don n°", Long.toString(donation.id()))
          .field("Proposé le", DocumentFrench.day(donation.pledgedAt().toLocalDate()))
          .field("Reçu à l'atelier le", DocumentFrench.day(donation.receivedAt().toLocalDate()))
          .rule()
          .heading("Cédant (personne publique)", 12)
          .field("Dénomination", body.name())
          .field("SIREN", DocumentFrench.orDash(body.siren()))
          .field("Adresse", address(body))
          .rule()
          .heading("Bénéficiaire", 12)
          .field("Dénomination", coordination.name())
          .field("SIREN", DocumentFrench.orDash(coordination.siren()))
          .field("Adresse", address(coordination));
      if (donation.workshop() != null) {
        pdf.field("Atelier de reconditionnement", donation.workshop().name());
      }
      pdf.rule().heading("Biens cédés et valeurs données par le cédant", 12);
      PdfTable lot =
          pdf.table(
              9,
              new float[] {0, 150, 210, 300, 390},
              "Catégorie",
              "Quantité",
              "Valeur unitaire",
              "Valeur totale",
              "Description");
      for (DonationItem item : donation.items()) {
        lot.row(
            DocumentFrench.label("category." + item.category().name()),
            Integer.toString(item.quantity()),
            euros(item.unitValue()),
            euros(item.totalValue()),
            item.description() == null ? "" : item.description());
      }
      pdf.field("Valeur totale du lot", euros(donation.totalValue()))
          .rule()
          .heading("Devenir des appareils", 12)
          .text(summary(devices), 10);
      PdfTable rows =
          pdf.table(
              8,
              new float[] {0, 110, 200, 270, 350},
              "N° de série",
              "Appareil",
              "Devenir",
              "Le",
              "Certificat d'effacement");
      for (Device d : devices) {
        rows.row(
            d.serialNumber(),
            DocumentFrench.label("category." + d.category().name()),
            fate(d.status()),
            date(d),
            d.erasure() == null
                ? "—"
                : d.erasure().certificateId()
                    + " ("
                    + DocumentFrench.day(d.erasure().erasedAt().toLocalDate())
                    + ")");
      }
      return pdf.rule()
          .text(
              "Le bénéficiaire atteste avoir reçu ces biens à titre gratuit, pour leur réemploi"
                  + " solidaire ou, à défaut, leur recyclage par une filière agréée. Les données"
                  + " qu'ils contenaient ont été effacées selon la méthode de chaque certificat.",
              10)
          .text(
              "Cette attestation n'est pas un reçu fiscal : un don d'une personne publique"
                  + " n'ouvre pas droit à la réduction d'impôt de l'article 238 bis du code général"
                  + " des impôts.",
              10)
          .field("Fait à", DocumentFrench.placeAndDay(coordination.city(), issuedOn))
          .field("Signature", settings.receiptSignatory())
          .toBytes();
    }
  }

  /** "5 appareils reçus : 3 réemployés, 1 recyclé, 1 à l'atelier." */
  static String summary(List<Device> devices) {
    long reused =
        devices.stream()
            .filter(
                d ->
                    d.status() == DeviceStatus.SOLD
                        || d.status() == DeviceStatus.AVAILABLE
                        || d.status() == DeviceStatus.RESERVED)
            .count();
    long recycled = devices.stream().filter(d -> d.status() == DeviceStatus.RECYCLED).count();
    long workshop = devices.size() - reused - recycled;
    return plural(devices.size(), "appareil reçu", "appareils reçus")
        + " : "
        + plural(reused, "réemployé", "réemployés")
        + " (vendu ou en vente), "
        + plural(recycled, "recyclé", "recyclés")
        + ", "
        + workshop
        + " à l'atelier.";
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n <= 1 ? one : many);
  }

  private static String fate(DeviceStatus status) {
    return switch (status) {
      case SOLD -> "Réemployé (vendu)";
      case AVAILABLE, RESERVED -> "Réemployé (en vente)";
      case RECYCLED -> "Recyclé";
      default -> "À l'atelier";
    };
  }

  private static String date(Device d) {
    var at =
        switch (d.status()) {
          case SOLD -> d.soldAt();
          case RECYCLED -> d.recycledAt();
          case AVAILABLE, RESERVED -> d.refurbishedAt();
          default -> d.receivedAt();
        };
    return at == null ? "" : DocumentFrench.day(at.toLocalDate());
  }

  private static String euros(Money amount) {
    return amount.format(Locale.FRANCE);
  }

  private static String address(Organisation o) {
    return DocumentFrench.address(o.address(), o.postalCode(), o.city());
  }
}
