/**
 * Counter sales: an order opened at a relay for an eligible person, its device and service lines at
 * solidarity prices, the vouchers that pay part of it (each funder's share recorded), cash and card
 * payments, completion (all or nothing), cancellation and hold expiry, and the sale receipt.
 */
package fr.secondevie.sales;
