package fr.secondevie.devices.entity;

/** Media sanitisation methods of NIST SP 800-88 (Rev. 2, Sept 2025). */
public enum ErasureMethod {
  /** Overwrite with logical techniques, against simple recovery. */
  CLEAR,
  /** Physical or logical techniques that defeat laboratory recovery (e.g. crypto erase). */
  PURGE,
  /** The medium is destroyed (the device keeps no storage of its own). */
  DESTROY
}
