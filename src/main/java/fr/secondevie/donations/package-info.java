/**
 * Donations: a company or public body pledges a lot of used equipment (lines by category with the
 * value it states), a workshop receives it; a donor sees its own company's donations only.
 */
package fr.secondevie.donations;
