package fr.secondevie.platform.entity;

import java.util.Optional;

/**
 * Cosmetic grade (commercial, not legal): A looks almost unused, C shows clear marks of use. Shared
 * by devices, the catalogue and the order lines that keep the grade a device was sold at; the names
 * are the values of the JSON API and of the database columns.
 */
public enum Grade {
  A,
  B,
  C;

  private static final Grade[] ALL = values();

  /** The grade of this name, if there is one. */
  public static Optional<Grade> named(String name) {
    if (name != null) {
      for (Grade grade : ALL) {
        if (grade.name().equals(name)) {
          return Optional.of(grade);
        }
      }
    }
    return Optional.empty();
  }
}
