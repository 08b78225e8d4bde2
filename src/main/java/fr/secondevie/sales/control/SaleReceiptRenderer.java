package fr.secondevie.sales.control;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.sales.entity.LineKind;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.OrderStatus;
import fr.secondevie.sales.entity.OrderVoucher;
import fr.secondevie.sales.entity.Payment;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.PaymentStatus;
import fr.secondevie.sales.entity.SaleOrder;
import fr.secondevie.vouchers.entity.VoucherKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sale receipt the person takes home: the relay, the receipt number and date, each device with
 * its serial number and grade at its list and solidarity prices, the services, what each funder's
 * vouchers paid, the payments, and the legal warranty of used goods sold by a professional (2 years
 * of conformity, a defect presumed to exist at the sale during 12 months). Nothing about the
 * person: the receipt is theirs, and may be lost.
 */
@ApplicationScoped
public class SaleReceiptRenderer {

  static final String WARRANTY =
      "Garantie légale de conformité (articles L.217-3 et suivants du Code de la consommation) :"
          + " 2 ans à compter de la remise de l'appareil. Pour un bien d'occasion, un défaut qui"
          + " apparaît dans les 12 mois est présumé exister au moment de la vente (article"
          + " L.217-7). Garantie des vices cachés (articles 1641 et suivants du Code civil)."
          + " Appareils reconditionnés : fonctions testées, données des utilisateurs précédents"
          + " effacées avant la vente.";

  @PersistenceContext EntityManager em;
  @Inject Orders orders;

  /** The receipt of a paid order of the caller's relay (409 ORDER_NOT_PAID before that). */
  @Transactional
  public Document forOrder(long orderId) {
    SaleOrder order = orders.get(orderId);
    if (order.status() != OrderStatus.PAID) {
      throw BusinessException.conflict(
          "ORDER_NOT_PAID", "The receipt is printed once the order is paid");
    }
    return new Document(
        "ticket-" + order.receiptNumber() + ".pdf",
        render(order, em.find(Organisation.class, order.relayId())));
  }

  static byte[] render(SaleOrder order, Organisation relay) {
    try (PdfDocument pdf = new PdfDocument("Ticket de vente " + order.receiptNumber())) {
      pdf.text("Ticket de vente", 16);
      pdf.text(relay.name(), 12);
      if (relay.address() != null) {
        pdf.text(
            relay.address()
                + ", "
                + (relay.postalCode() == null ? "" : relay.postalCode() + " ")
                + (relay.city() == null ? "" : relay.city()),
            10);
      }
      pdf.field("Numéro", order.receiptNumber());
      pdf.field("Date", DocumentFrench.moment(order.closedAt()));
      pdf.field("Commande", String.valueOf(order.id()));
      pdf.rule();
      for (OrderLine line : order.lines()) {
        if (line.kind() == LineKind.DEVICE) {
          pdf.row(
              DocumentFrench.label("category." + line.category()) + " " + line.label(),
              euros(line.price()),
              11);
          pdf.text(
              "N° de série "
                  + line.serialNumber()
                  + (line.grade() == null ? "" : " · grade " + line.grade())
                  + " · prix catalogue "
                  + euros(line.listPrice())
                  + ", prix solidaire "
                  + euros(line.price()),
              9);
        } else {
          pdf.row(
              line.label() + (line.quantity() > 1 ? " × " + line.quantity() : ""),
              euros(line.price()),
              11);
        }
      }
      pdf.rule();
      if (!order.listTotal().equals(order.total())) {
        pdf.row("Prix catalogue", euros(order.listTotal()), 10);
        pdf.row("Remise solidaire", "− " + euros(order.listTotal().minus(order.total())), 10);
      }
      pdf.row("Total à payer", euros(order.total()), 12);
      pdf.gap(6);
      var byFunder =
          order.vouchers().stream()
              .collect(
                  Collectors.groupingBy(
                      OrderVoucher::funderName, LinkedHashMap::new, Collectors.toList()));
      byFunder.forEach(
          (funder, vouchers) -> {
            Money share =
                vouchers.stream().map(OrderVoucher::applied).reduce(Money.ZERO, Money::plus);
            pdf.row(
                "Payé par "
                    + funder
                    + " ("
                    + kindLabel(vouchers.get(0).kind())
                    + ", "
                    + vouchers.size()
                    + (vouchers.size() > 1 ? " bons : " : " bon : ")
                    + vouchers.stream()
                        .map(v -> "…" + v.code().substring(Math.max(0, v.code().length() - 4)))
                        .collect(Collectors.joining(", "))
                    + ")",
                euros(share),
                10);
          });
      for (Payment payment : order.payments()) {
        if (payment.status() == PaymentStatus.SUCCEEDED) {
          pdf.row(
              payment.method() == PaymentMethod.CASH ? "Payé en espèces" : "Payé par carte",
              euros(payment.amount()),
              10);
        }
      }
      pdf.row("Reste dû", euros(order.due()), 10);
      pdf.rule();
      pdf.text(WARRANTY, 9);
      pdf.gap(6);
      pdf.text("Merci ! Ce ticket sert de preuve d'achat : gardez-le pour la garantie.", 10);
      return pdf.toBytes();
    }
  }

  private static String kindLabel(String kind) {
    return VoucherKind.valueOf(kind).paysServices() ? "pass numérique" : "chèque-équipement";
  }

  static String euros(Money amount) {
    return amount.format(Locale.FRANCE);
  }
}
