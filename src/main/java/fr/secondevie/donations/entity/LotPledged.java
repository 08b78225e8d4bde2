package fr.secondevie.donations.entity;

/**
 * A lot is being pledged, in the pledge's transaction and before it is stored: the workshops' side
 * routes it (a synchronous CDI event, so that donations names no capability that may use it), and
 * the donation is written once, with its workshop.
 */
public record LotPledged(Donation donation) {}
