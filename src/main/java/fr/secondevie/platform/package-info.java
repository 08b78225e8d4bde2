/**
 * Platform: what every capability uses the same way and that knows no capability: problem
 * responses, the audit trail, the clock, money, settings, the data source and migrations, the
 * security mechanism and access control, the page shell and bundles, and the PDF toolkit.
 */
package fr.secondevie.platform;
