/**
 * Vouchers: the programmes that authorities fund (chèque-équipement, pass numérique), the codes
 * issued under them, the hold / release / redeem operations a counter sale uses (each voucher taken
 * once, enforced by the database), the funder's reconciliation and the monthly statements that pay
 * the relays and credit back the vouchers that expired unused.
 */
package fr.secondevie.vouchers;
