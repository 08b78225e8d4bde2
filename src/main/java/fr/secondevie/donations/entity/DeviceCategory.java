package fr.secondevie.donations.entity;

/** The kinds of equipment the chain accepts, as donors pledge them and the catalogue lists them. */
public enum DeviceCategory {
  LAPTOP,
  DESKTOP,
  TABLET,
  SMARTPHONE,
  SCREEN
}
