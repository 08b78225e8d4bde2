package fr.secondevie.vouchers.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.entity.Money;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

class FacturXTest {

  static final FacturX.Party RELAY =
      new FacturX.Party(
          "Relais numérique Amiens Nord",
          "80123456700018",
          "3 place du Pays d'Auge",
          "80080",
          "Amiens");
  static final FacturX.Party FUNDER =
      new FacturX.Party(
          "Département de la Somme",
          "22800001700014",
          "43 rue de la République",
          "80000",
          "Amiens");

  static FacturX.Content content(long redeemedCents, int reversals, long reversedCents) {
    return new FacturX.Content(
        "FA-R3-000007",
        LocalDateTime.of(2026, 12, 2, 10, 15),
        RELAY,
        FUNDER,
        "SERVICE-FIN-80",
        "EJ-2026-00042",
        "Chèque équipement numérique de la Somme",
        34,
        YearMonth.of(2026, 11),
        12,
        Money.ofCents(redeemedCents),
        reversals,
        Money.ofCents(reversedCents));
  }

  /**
   * Mustang's validator: veraPDF for PDF/A-3 and the schematrons of EN 16931 (with its arithmetic
   * rules, BR-CO-10 to BR-CO-16) and of the French reform (BR-FR). Its own extra arithmetic check
   * re-imports the invoice and, in Mustang 2.25.0, fails with a NullPointerException on a line "not
   * subject to VAT" (which carries no rate, as EN 16931 wants); it is left out, and {@link
   * #linesAddUp} does the same sums on the XML.
   */
  static ZUGFeRDValidator validator() {
    ZUGFeRDValidator validator = new ZUGFeRDValidator();
    validator.disableArithmeticCheck();
    return validator;
  }

  /** The lines add up to the totals: line net amounts, tax basis, grand total and amount due. */
  static void linesAddUp(InvoiceXml xml) throws Exception {
    BigDecimal lines = BigDecimal.ZERO;
    for (String amount : xml.texts("//ram:SpecifiedLineTradeSettlement//ram:LineTotalAmount")) {
      lines = lines.add(new BigDecimal(amount));
    }
    assertThat(
            new BigDecimal(
                xml.text(
                    "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:LineTotalAmount")))
        .isEqualByComparingTo(lines);
    assertThat(new BigDecimal(xml.text("//ram:TaxBasisTotalAmount"))).isEqualByComparingTo(lines);
    assertThat(xml.total()).isEqualByComparingTo(lines);
    assertThat(new BigDecimal(xml.text("//ram:DuePayableAmount"))).isEqualByComparingTo(lines);
  }

  @Test
  void anInvoiceIsAValidFacturXWhoseXmlCarriesTheStatementsTotal() throws Exception {
    byte[] pdf = FacturX.render(content(154_000, 1, 10_000));

    ZUGFeRDValidator validator = validator();
    String report = validator.validate(pdf, "FA-R3-000007.pdf");
    assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    assertThat(report).doesNotContain("<error").doesNotContain("<warning");

    InvoiceXml xml = InvoiceXml.of(pdf);
    linesAddUp(xml);
    assertThat(xml.total()).isEqualByComparingTo(new BigDecimal("1440.00"));
    assertThat(xml.text("//ram:DuePayableAmount")).isEqualTo("1440.00");
    assertThat(xml.text("//rsm:ExchangedDocument/ram:ID")).isEqualTo("FA-R3-000007");
    assertThat(xml.text("//ram:SellerTradeParty/ram:GlobalID[@schemeID='0009']"))
        .isEqualTo("80123456700018");
    assertThat(xml.text("//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID"))
        .isEqualTo("801234567");
    assertThat(xml.text("//ram:BuyerTradeParty/ram:GlobalID[@schemeID='0009']"))
        .isEqualTo("22800001700014");
    assertThat(xml.text("//ram:BuyerReference")).isEqualTo("SERVICE-FIN-80");
    assertThat(xml.text("//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"))
        .isEqualTo("EJ-2026-00042");
    assertThat(
            xml.text(
                "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"))
        .isEqualTo("O");
    assertThat(xml.text("//ram:TaxTotalAmount")).isIn("0.00", "");

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text =
          new PDFTextStripper().getText(doc).replace('\u202f', ' ').replace('\u00a0', ' ');
      assertThat(text)
          .contains("Facture FA-R3-000007")
          .contains("SIRET 80123456700018")
          .contains("Total à payer 1 440,00 €")
          .contains("novembre 2026");
    }
  }

  @Test
  void aStatementWithoutReturnsHasOneLine() throws Exception {
    byte[] pdf = FacturX.render(content(4_200, 0, 0));
    InvoiceXml xml = InvoiceXml.of(pdf);
    linesAddUp(xml);
    assertThat(xml.total()).isEqualByComparingTo("42.00");
    assertThat(xml.count("//ram:IncludedSupplyChainTradeLineItem")).isEqualTo(1);
  }
}
