package fr.secondevie.eligibility.entity;

import java.time.LocalDate;

/** The outcome the rules give for one request: eligible with a tier until a date, or refused. */
public record Verdict(boolean eligible, Integer tier, LocalDate validUntil, String reason) {

  static Verdict eligible(int tier, LocalDate validUntil) {
    return new Verdict(true, tier, validUntil, null);
  }

  static Verdict refused(String reason) {
    return new Verdict(false, null, null, reason);
  }
}
