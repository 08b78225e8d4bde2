package fr.secondevie.sales.control;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.sales.entity.CashSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;

/**
 * The closing report of a cash session (the "ticket Z"): the relay, the closing number, who opened
 * and closed the drawer and when, the float, the cash taken, what should be in the drawer, what was
 * counted and the difference; the sales since the last closing by means of payment; and the journal
 * entry that records the closing, with the perpetual grand total and the entry's hash.
 */
@ApplicationScoped
public class ClosingReportRenderer {

  @PersistenceContext EntityManager em;
  @Inject CashSessions sessions;
  @Inject SalesJournal journal;

  /** The report of a closed session of the caller's relay (409 CASH_SESSION_OPEN before that). */
  @Transactional
  public Document forSession(long relayId, long sessionId) {
    CashSession session = sessions.get(relayId, sessionId);
    if (session.isOpen()) {
      throw BusinessException.conflict(
          "CASH_SESSION_OPEN", "The closing report is printed once the session is closed");
    }
    SalesJournal.Entry closing =
        journal.between(relayId, session.closedAt(), null, 50).stream()
            .filter(
                e ->
                    e.kind() == SalesJournal.Kind.CLOSING
                        && Long.valueOf(sessionId).equals(e.cashSessionId()))
            .findFirst()
            .orElse(null);
    return new Document(
        "cloture-" + session.closingNumber() + ".pdf",
        render(session, em.find(Organisation.class, relayId), closing));
  }

  static byte[] render(CashSession session, Organisation relay, SalesJournal.Entry closing) {
    try (PdfDocument pdf = new PdfDocument("Clôture de caisse n° " + session.closingNumber())) {
      pdf.text("Clôture de caisse n° " + session.closingNumber(), 16);
      pdf.text(relay.name(), 12);
      pdf.field(
          "Ouverture", DocumentFrench.moment(session.openedAt()) + " par " + session.openedBy());
      pdf.field(
          "Clôture", DocumentFrench.moment(session.closedAt()) + " par " + session.closedBy());
      pdf.rule();
      Money cashTaken = session.expected().minus(session.openingFloat());
      pdf.row("Fonds de caisse à l'ouverture", euros(session.openingFloat()), 11);
      pdf.row("Espèces encaissées", euros(cashTaken), 11);
      pdf.row("Espèces attendues", euros(session.expected()), 11);
      pdf.row("Espèces comptées", euros(session.counted()), 11);
      Money difference = session.difference();
      pdf.row(
          difference.isZero()
              ? "Écart"
              : difference.isNegative() ? "Écart (manque)" : "Écart (excédent)",
          euros(difference),
          12);
      pdf.rule();
      var totals = session.totals();
      pdf.text(
          "Ventes depuis la clôture précédente : "
              + totals.salesCount()
              + (totals.salesCount() > 1 ? " ventes" : " vente"),
          11);
      pdf.row("Payé en espèces", euros(Money.ofCents(totals.cashCents())), 10);
      pdf.row("Payé par carte", euros(Money.ofCents(totals.cardCents())), 10);
      pdf.row("Payé par bons", euros(Money.ofCents(totals.voucherCents())), 10);
      if (totals.refundsCents() != 0) {
        pdf.row("Remboursements", "− " + euros(Money.ofCents(totals.refundsCents())), 10);
      }
      pdf.row("Total", euros(Money.ofCents(totals.totalCents())), 11);
      if (closing != null) {
        pdf.rule();
        pdf.field("Écriture du journal", "n° " + closing.seq());
        pdf.field("Grand total perpétuel", euros(Money.ofCents(closing.grandTotalCents())));
        pdf.field("Empreinte (SHA-256)", closing.hash());
      }
      pdf.gap(6);
      pdf.text(
          "Le journal des ventes du relais est inaltérable (article 286, I, 3° bis du code général"
              + " des impôts) : chaque écriture est chaînée à la précédente par son empreinte.",
          9);
      return pdf.toBytes();
    }
  }

  static String euros(Money amount) {
    return amount.format(Locale.FRANCE);
  }
}
