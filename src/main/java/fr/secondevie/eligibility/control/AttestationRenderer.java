package fr.secondevie.eligibility.control;

import fr.secondevie.eligibility.control.Beneficiaries.Eligibility;
import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The eligibility attestation the social worker prints or sends: one page, no personal data — the
 * opaque identifier (also as a QR code the counter scans), the tier, the validity end and the
 * devices left.
 */
@ApplicationScoped
public class AttestationRenderer {

  @Inject Beneficiaries beneficiaries;
  @Inject Directory directory;
  @Inject Caller caller;
  @Inject Clock clock;

  /** The attestation of a beneficiary of the caller's social structure, issued by it today. */
  public Document forBeneficiary(String id) {
    Beneficiary beneficiary = beneficiaries.ofMyStructure(id);
    return new Document(
        "attestation-" + beneficiary.displayId() + ".pdf",
        render(
            beneficiary,
            beneficiaries.eligibility(beneficiary.id()),
            directory.getOrganisation(caller.organisationId()).name(),
            LocalDate.now(clock)));
  }

  public byte[] render(
      Beneficiary beneficiary, Eligibility eligibility, String structureName, LocalDate today) {
    try (PdfDocument pdf =
        new PdfDocument("Attestation d'éligibilité " + beneficiary.displayId())) {
      pdf.text("Seconde Vie — équipement numérique solidaire", 12)
          .gap(6)
          .text("Attestation d'éligibilité", 22)
          .gap(8)
          .text(
              "Cette personne peut acheter un appareil reconditionné à prix solidaire dans un"
                  + " relais numérique Seconde Vie. Présentez cette page au comptoir : l'agent"
                  + " scanne le code ci-dessous.")
          .gap(10)
          .qrCode(beneficiary.id(), 150)
          .gap(6)
          .text("Identifiant : " + beneficiary.displayId(), 16)
          .gap(6)
          .rule();
      if (eligibility.eligible()) {
        pdf.field("Valable jusqu'au", DocumentFrench.day(eligibility.validUntil()))
            .field("Niveau d'aide", "Niveau " + eligibility.tier())
            .field("Appareils restants", Integer.toString(eligibility.devicesLeft()));
        eligibility
            .devicesLeftByCategory()
            .forEach(
                (category, left) ->
                    pdf.field(
                        "   " + DocumentFrench.label("category." + category), left.toString()));
      } else {
        pdf.text("Pas d'éligibilité en cours à ce jour.", 14);
      }
      return pdf.rule()
          .field("Délivrée par", structureName)
          .field("Le", DocumentFrench.day(today))
          .gap(14)
          .text(
              "Aucune donnée personnelle n'est inscrite sur cette attestation. Le code ne"
                  + " permet de retrouver que la décision d'éligibilité.",
              9)
          .toBytes();
    }
  }
}
