package fr.secondevie.devices.entity;

/** Cosmetic grade (commercial, not legal): A looks almost unused, C shows clear marks of use. */
public enum Grade {
  A,
  B,
  C
}
