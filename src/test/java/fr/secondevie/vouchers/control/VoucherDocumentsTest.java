package fr.secondevie.vouchers.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.QrReading;
import fr.secondevie.vouchers.entity.Voucher;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class VoucherDocumentsTest {

  @Test
  void aSheetPrintsEachVoucherWithAQrCodeThatReadsBackAsItsCode() throws IOException {
    VoucherProgramme programme =
        new VoucherProgramme(
            1L,
            "Chèque équipement collégiens 2026",
            VoucherKind.CHEQUE_EQUIPEMENT,
            Money.ofEuros(1_250),
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31),
            31,
            false,
            List.of("80"),
            "Achat d'un ordinateur reconditionné dans un relais de la Somme, un par foyer.",
            LocalDateTime.now());
    List<Voucher> vouchers = new ArrayList<>();
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 43; i++) {
      vouchers.add(
          new Voucher(VoucherCode.generate(random).value(), 1L, 1L, null, LocalDateTime.now()));
    }
    byte[] pdf = new VoucherDocuments().sheet(programme, "Département de la Somme", vouchers);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(6);
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Département de la Somme")
          .contains("1 250,00 €")
          .contains("Valable du 01/01/2026 au 31/12/2026")
          .contains("codes postaux 80")
          .contains("Accepté jusqu'au 31/01/2027")
          .contains("reconditionné");
      vouchers.forEach(v -> assertThat(text).contains(v.groupedCode()));
    }
    java.nio.file.Files.write(java.nio.file.Path.of("target/voucher-sheet-sample.pdf"), pdf);
    assertThat(QrReading.codesOnSheet(pdf))
        .containsExactlyElementsOf(vouchers.stream().map(Voucher::groupedCode).toList());
  }
}
