package fr.secondevie.vouchers.entity;

import fr.secondevie.sales.control.Orders;

/**
 * Not a real entity: what ArchitectureTest must refuse, a vouchers entity holding a sales control
 * bean (an entity reaching into control code, and vouchers using sales, which the map forbids).
 */
public class ForbiddenEntity {

  Orders orders;
}
