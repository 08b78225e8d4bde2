package fr.secondevie.eligibility.entity;

import java.util.List;

/**
 * The eligibility criteria a social worker can tick. Which of them qualify, and for which tier, is
 * a matter of the rules in force, not of this list.
 */
public final class Criteria {

  /** Every criterion the forms know, with its plain French label. */
  public static final List<String> ALL =
      List.of(
          "RSA",
          "ASS",
          "AAH",
          "ASPA",
          "CSS",
          "JOB_SEEKER",
          "STUDENT_GRANT",
          "MISSION_LOCALE",
          "REFUGEE");

  private Criteria() {}
}
