package fr.secondevie.sales.control;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.ReturnReason;
import fr.secondevie.sales.entity.ReturnRefund;
import fr.secondevie.sales.entity.ReturnVoucher;
import fr.secondevie.sales.entity.SaleOrder;
import fr.secondevie.sales.entity.SaleReturn;
import fr.secondevie.vouchers.entity.VoucherCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;

/**
 * The credit note (avoir) of a return, which the person takes home: the relay, the credit note's
 * number (one unbroken series per relay) and date, the sale receipt it corrects, the device
 * returned and why, its price, and how it was given back: each voucher's share (the voucher given
 * back when it paid nothing else, its code shortened as on the receipt), cash, card. Nothing about
 * the person.
 */
@ApplicationScoped
public class CreditNoteRenderer {

  @PersistenceContext EntityManager em;
  @Inject Returns returns;
  @Inject Orders orders;

  /** The credit note of a return of an order of the caller's relay. */
  @Transactional
  public Document forReturn(long orderId, long returnId) {
    SaleReturn saleReturn = returns.get(orderId, returnId);
    SaleOrder order = orders.get(orderId);
    return new Document(
        "avoir-" + saleReturn.creditNoteNumber() + ".pdf",
        render(saleReturn, order, em.find(Organisation.class, order.relayId())));
  }

  static byte[] render(SaleReturn saleReturn, SaleOrder order, Organisation relay) {
    OrderLine line = order.line(saleReturn.lineNumber()).orElseThrow();
    try (PdfDocument pdf = new PdfDocument("Avoir " + saleReturn.creditNoteNumber())) {
      pdf.text("Avoir", 16);
      pdf.text(relay.name(), 12);
      if (relay.address() != null) {
        pdf.text(
            relay.address()
                + ", "
                + (relay.postalCode() == null ? "" : relay.postalCode() + " ")
                + (relay.city() == null ? "" : relay.city()),
            10);
      }
      pdf.field("Avoir n°", saleReturn.creditNoteNumber());
      pdf.field("Date", DocumentFrench.moment(saleReturn.returnedAt()));
      pdf.field("Ticket de vente corrigé", order.receiptNumber());
      pdf.field("Vendu le", DocumentFrench.moment(order.closedAt()));
      pdf.rule();
      pdf.row(
          "Appareil retourné : "
              + DocumentFrench.label("category." + line.category())
              + " "
              + line.label(),
          euros(saleReturn.priceCents()),
          11);
      pdf.text("N° de série " + line.serialNumber(), 9);
      pdf.text(
          "Motif : "
              + (saleReturn.reason() == ReturnReason.DEFECT
                  ? "défaut, garantie légale de conformité (24 mois à compter de la vente)"
                  : "retour dans le délai accordé par le relais")
              + (saleReturn.note() == null ? "" : " — " + saleReturn.note()),
          9);
      pdf.rule();
      for (ReturnVoucher voucher : saleReturn.vouchers()) {
        String code = VoucherCode.group(voucher.code());
        pdf.row(
            (voucher.reinstated()
                    ? "Bon rendu, de nouveau utilisable : "
                    : "Part du bon rendue à son financeur : ")
                + "…"
                + code.substring(Math.max(0, code.length() - 4)),
            euros(voucher.reversedCents()),
            10);
      }
      for (ReturnRefund refund : saleReturn.refunds()) {
        pdf.row(
            refund.method() == PaymentMethod.CASH
                ? "Remboursé en espèces"
                : "Remboursé sur la carte",
            euros(refund.amountCents()),
            10);
      }
      pdf.row("Total de l'avoir", euros(saleReturn.priceCents()), 12);
      pdf.rule();
      pdf.text(
          "L'appareil retourne à l'atelier qui l'a reconditionné. Gardez cet avoir avec votre"
              + " ticket de vente.",
          9);
      return pdf.toBytes();
    }
  }

  private static String euros(long cents) {
    return Money.ofCents(cents).format(Locale.FRANCE);
  }
}
