/**
 * Solidarity pricing: turns a device's list price into the price a beneficiary pays, by support
 * tier and device category (discount, rounding to the euro, floor), never above the list price and
 * never above the legal cap for a device a public body donated — and says how, in words the counter
 * agent can read to the buyer.
 */
package fr.secondevie.pricing;
