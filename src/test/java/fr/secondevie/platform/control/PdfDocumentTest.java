package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Pdfs;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfDocumentTest {

  @Test
  void writesFrenchTextThatReadsBackAndAQrCodeThatScans() {
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      pdf =
          document
              .text("Reçu n° 2026-000001 — « à l'été » : 1\u202f234,56\u00a0€ ; 3 × écran", 12)
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

  /**
   * The attestation's QR code (150 pt, quiet zone of 4 modules, correction M) drawn by runs of dark
   * modules, as the voucher sheets draw theirs: random identifiers read back at 150 dpi.
   */
  @Test
  void attestationSizedQrCodesOfRandomIdentifiersReadBack() {
    java.util.Random random = new java.util.Random(12);
    String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    for (int i = 0; i < 20; i++) {
      StringBuilder id = new StringBuilder();
      for (int c = 0; c < 16; c++) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] pdf;
      try (PdfDocument document = new PdfDocument("Essai")) {
        pdf =
            document
                .text("Attestation d'éligibilité", 22)
                .gap(10)
                .qrCode(id.toString(), 150)
                .toBytes();
      }
      assertThat(Pdfs.qrCode(pdf, 0)).isEqualTo(id.toString());
    }
  }

  @Test
  void writesWhatHelveticaCannotWithTheEmbeddedFont() {
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      pdf = document.field("Donateur", "Łódź Spółka z o.o.").text("Ordinateur portable").toBytes();
    }
    assertThat(Pdfs.text(pdf)).contains("Łódź Spółka z o.o.").contains("Ordinateur portable");
  }

  @Test
  void wrapsLongValuesWithinThePage() {
    try (PdfDocument document = new PdfDocument("Essai")) {
      List<String> lines = document.wrap("mot ".repeat(200).trim(), 11, document.width());
      assertThat(lines).hasSizeGreaterThan(5);
      assertThat(lines)
          .allSatisfy(l -> assertThat(new PdfFontsProbe().width(l, 11)).isLessThan(484));
      assertThat(String.join(" ", lines)).isEqualTo("mot ".repeat(200).trim());
    }
  }

  @Test
  void aWrappedParagraphReadsBackWordForWordOnSeveralLines() throws IOException {
    String paragraph =
        "Toutes les données des utilisateurs précédents ont été effacées de cet appareil avant son"
            + " changement de propriétaire, selon la méthode indiquée.";
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      pdf = document.text(paragraph, 14).toBytes();
    }
    String[] lines = Pdfs.text(pdf).strip().split("\\R");
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(String.join(" ", lines)).isEqualTo(paragraph);
  }

  @Test
  void noBreakSpacesAndControlCharactersPrintAsPlainSpacesOrNothing() {
    assertThat(PdfFonts.printable("1\u202f234,56\u00a0€\tTTC\u0007")).isEqualTo("1 234,56 € TTC");
    assertThat(PdfFonts.printable(null)).isEmpty();
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      PdfCanvas page = document.newPage();
      page.text("Total 1\u202f234,56\u00a0€", 56, 700, 11);
      pdf =
          document
              .row("Reste dû", "2\u202f000,00\u00a0€", 10)
              .text("Smiley \uD83D\uDE00 !")
              .toBytes();
    }
    String text = Pdfs.text(pdf);
    assertThat(text).contains("Total 1 234,56 €").contains("Reste dû 2 000,00 €");
    assertThat(text).contains("Smiley ? !").doesNotContain("\u00a0").doesNotContain("\u202f");
  }

  @Test
  void longContentRunsOntoNewPagesWithNothingLost() throws IOException {
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      document.heading("Liste", 16);
      IntStream.rangeClosed(1, 120).forEach(i -> document.field("Ligne " + i, "valeur " + i));
      pdf = document.toBytes();
    }
    try (PDDocument read = Loader.loadPDF(pdf)) {
      assertThat(read.getNumberOfPages()).isEqualTo(3);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      String first = stripper.getText(read);
      assertThat(first).contains("Liste").contains("Ligne 1 valeur 1").doesNotContain("Ligne 50 ");
    }
    String text = Pdfs.text(pdf);
    IntStream.rangeClosed(1, 120)
        .forEach(i -> assertThat(text).contains("Ligne " + i + " valeur " + i + "\n"));
  }

  @Test
  void aTableRepeatsItsHeaderOnEachPage() throws IOException {
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      PdfTable table =
          document
              .text("Relevé", 16)
              .table(9, new float[] {0, 150, 300}, "Code", "Date", "Montant");
      IntStream.rangeClosed(1, 100).forEach(i -> table.row("CODE-" + i, "01/02/2026", i + ",00 €"));
      pdf = document.toBytes();
    }
    try (PDDocument read = Loader.loadPDF(pdf)) {
      assertThat(read.getNumberOfPages()).isEqualTo(2);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(2);
      stripper.setEndPage(2);
      assertThat(stripper.getText(read)).startsWith("Code Date Montant").contains("CODE-100");
    }
    assertThat(Pdfs.text(pdf)).contains("CODE-1 01/02/2026 1,00 €\n");
  }

  @Test
  void aGridFillsPageAfterPageWithItsCellsAndTheirQrCodes() throws IOException {
    byte[] pdf;
    try (PdfDocument document = new PdfDocument("Essai")) {
      PdfGrid grid = document.grid(2, 4, 28);
      PdfForm common = document.form(grid.cellWidth(), grid.cellHeight());
      common.dashedFrame(4, 4, grid.cellWidth() - 8, grid.cellHeight() - 8, 0.5f, 3);
      common.text("Commun à Łódź", 14, grid.cellHeight() - 24, 10);
      common.close();
      for (int i = 1; i <= 19; i++) {
        PdfCanvas cell = grid.next().form(common, 0, 0);
        assertThat(cell.width()).isEqualTo(grid.cellWidth());
        cell.qrCode("CASE-" + i, cell.width() - 88, cell.height() - 88, 76, 2);
        cell.text("Case " + i, 14, 40, 15);
      }
      pdf = document.toBytes();
    }
    try (PDDocument read = Loader.loadPDF(pdf)) {
      assertThat(read.getNumberOfPages()).isEqualTo(3);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(3);
      stripper.setEndPage(3);
      assertThat(stripper.getText(read))
          .contains("Case 17")
          .contains("Case 19")
          .doesNotContain("Case 8");
    }
    String text = Pdfs.text(pdf);
    assertThat(text.split("Commun à Łódź", -1)).hasSize(20);
    IntStream.rangeClosed(1, 19).forEach(i -> assertThat(text).contains("Case " + i + "\n"));
    assertThat(Pdfs.qrCode(pdf, 2)).startsWith("CASE-1");
  }

  /** Measures text as documents do. */
  private static final class PdfFontsProbe {
    private final PDDocument document = new PDDocument();
    private final PdfFonts fonts = new PdfFonts(document);

    float width(String text, float size) {
      return fonts.widthOf(text, size);
    }
  }
}
