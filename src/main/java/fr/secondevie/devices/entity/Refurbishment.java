package fr.secondevie.devices.entity;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;

/**
 * What the workshop records when a device is ready for sale: grade, battery, specs, the erasure
 * (null when none was done), whether every function passed its test, the relay that will sell it
 * and the list price, and the insertion work hours spent on it (null when the workshop records
 * none).
 */
public record Refurbishment(
    Grade grade,
    Integer batteryHealthPercent,
    Specs specs,
    Erasure erasure,
    boolean functionalTestsPassed,
    Organisation refurbisher,
    Organisation relay,
    Money listPrice,
    java.math.BigDecimal insertionHours) {

  /** A refurbishment with no insertion hours recorded. */
  public Refurbishment(
      Grade grade,
      Integer batteryHealthPercent,
      Specs specs,
      Erasure erasure,
      boolean functionalTestsPassed,
      Organisation refurbisher,
      Organisation relay,
      Money listPrice) {
    this(
        grade,
        batteryHealthPercent,
        specs,
        erasure,
        functionalTestsPassed,
        refurbisher,
        relay,
        listPrice,
        null);
  }
}
