package fr.secondevie.receipts.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxReceiptsCsvTest {

  @Test
  void aCellASpreadsheetWouldRunAsAFormulaIsText() {
    assertThat(TaxReceipts.csv("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(TaxReceipts.csv("+33 1 23")).isEqualTo("'+33 1 23");
    assertThat(TaxReceipts.csv("-5")).isEqualTo("'-5");
    assertThat(TaxReceipts.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(TaxReceipts.csv("Erreur de montant; refait"))
        .isEqualTo("\"Erreur de montant; refait\"");
    assertThat(TaxReceipts.csv("123456789")).isEqualTo("123456789");
    assertThat(TaxReceipts.csv(null)).isEmpty();
  }
}
