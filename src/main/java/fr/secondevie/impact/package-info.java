/**
 * Impact: read-only aggregates of what became of the devices — reused (sold to a person), recycled,
 * people equipped — converted with the ADEME factors kept as data with their source. For everyone
 * on the public home, and for a donor company on its own donations.
 */
package fr.secondevie.impact;
