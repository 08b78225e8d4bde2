/**
 * Devices: each physical device a workshop registers out of a received donation (serial, category,
 * grade, battery, specs), its erasure record and functional tests, its refurbishment and putting on
 * sale at a relay, reservation and sale at the counter under row locks, recycling, the trace of
 * what became of each device for its donor, and the public catalogue each instance holds in memory.
 * Publishes the {@code device_fate} read model.
 */
package fr.secondevie.devices;
