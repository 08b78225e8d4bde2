package fr.secondevie.sales.control;

import fr.secondevie.platform.control.NumberSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Sale receipt numbers, per relay and calendar year, without gaps (a shop's receipts are numbered
 * in one unbroken series): a {@link NumberSeries} whose scope is the relay and the year, taken in
 * the completing transaction, so two counters of a relay completing at once queue for a few
 * milliseconds and a rolled-back sale gives its number back. Taken last in the completion, to hold
 * the lock as briefly as possible.
 */
@ApplicationScoped
public class SaleReceiptNumbers {

  /** The series of {@code number_series} (V161). */
  public static final String SERIES = "sale_receipt";

  @Inject NumberSeries series;

  @Transactional(Transactional.TxType.MANDATORY)
  public String next(long relayId, int year) {
    int number = series.next(SERIES, relayId + "-" + year);
    return String.format("%d-R%d-%06d", year, relayId, number);
  }
}
