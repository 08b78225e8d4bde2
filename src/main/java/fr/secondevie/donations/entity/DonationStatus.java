package fr.secondevie.donations.entity;

/** A donation is pledged by the donor, then received by the refurbisher who collects it. */
public enum DonationStatus {
  PLEDGED,
  RECEIVED
}
