package fr.secondevie.donations.entity;

/**
 * A lot was just pledged, in the pledge's transaction: the workshops' side routes it (a synchronous
 * CDI event, so that donations names no capability that may use it).
 */
public record LotPledged(Donation donation) {}
