/**
 * Tax receipts for donor companies (CGI art. 238 bis, cerfa n°16216 mentions): deliberate, audited
 * issuing for a received donation, gapless yearly numbering, receipts that never change once
 * issued, cancellation and replacement, and the yearly totals of CGI art. 222 bis.
 */
package fr.secondevie.receipts;
