package fr.secondevie.eligibility.entity;

/**
 * What a person needs a device for, as the diagnosis form lists it ("Quel(s) appareil(s) pour
 * quel(s) usage(s) ?"). A fixed list, never free text: the form stores no health detail.
 */
public enum NeedUse {
  JOB_SEARCH,
  SCHOOL,
  ADMIN_PROCEDURES,
  STAY_IN_TOUCH,
  TRAINING,
  HEALTH
}
