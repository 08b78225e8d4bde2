package fr.secondevie.devices.entity;

/**
 * Where a device stands: registered from a received donation, on sale at a relay once erased and
 * tested, held by an open order, sold; or recycled when it cannot be reused.
 */
public enum DeviceStatus {
  RECEIVED,
  AVAILABLE,
  RESERVED,
  SOLD,
  RECYCLED
}
