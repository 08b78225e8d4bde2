package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Pdfs;
import org.junit.jupiter.api.Test;

class PdfPageTest {

  @Test
  void writesFrenchTextThatReadsBackAndAQrCodeThatScans() {
    byte[] pdf;
    try (PdfPage page = new PdfPage("Essai")) {
      pdf =
          page.text("Reçu n° 2026-000001 — « à l'été » : 1\u202f234,56\u00a0€ ; 3 × écran", 12)
              .field("Dénomination", "Société Générale d'Équipement")
              .qrCode("B7KQM2XR9HTP4WCD", 120)
              .toBytes();
    }
    String text = Pdfs.text(pdf);
    assertThat(text)
        .contains("Reçu n° 2026-000001 — « à l'été » : 1 234,56 € ; 3 × écran")
        .contains("Société Générale d'Équipement");
    assertThat(Pdfs.qrCode(pdf, 0)).isEqualTo("B7KQM2XR9HTP4WCD");
  }

  @Test
  void writesWhatHelveticaCannotWithTheEmbeddedFont() {
    byte[] pdf;
    try (PdfPage page = new PdfPage("Essai")) {
      pdf = page.field("Donateur", "Łódź Spółka z o.o.").text("Ordinateur portable").toBytes();
    }
    assertThat(Pdfs.text(pdf)).contains("Łódź Spółka z o.o.").contains("Ordinateur portable");
  }

  @Test
  void wrapsLongValuesWithinThePage() {
    try (PdfPage page = new PdfPage("Essai")) {
      assertThat(page.wrap("mot ".repeat(200).trim(), 11, page.width())).hasSizeGreaterThan(5);
    }
  }
}
