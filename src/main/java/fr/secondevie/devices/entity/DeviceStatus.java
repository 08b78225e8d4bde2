package fr.secondevie.devices.entity;

/**
 * Where a device stands: registered from a received donation, on sale at a relay once erased and
 * tested, held by an open order, sold; or recycled when it cannot be reused; or returned after the
 * sale, back at its workshop, which puts it on sale again or recycles it.
 */
public enum DeviceStatus {
  RECEIVED,
  AVAILABLE,
  RESERVED,
  SOLD,
  RECYCLED,
  /**
   * Sold, then brought back to the relay (a defect, or within the return period): at its workshop.
   */
  RETURNED
}
