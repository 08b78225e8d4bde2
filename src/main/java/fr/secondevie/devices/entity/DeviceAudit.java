package fr.secondevie.devices.entity;

import fr.secondevie.platform.entity.AuditAction;

/** What the audit trail records of a device's life at the workshop. */
public enum DeviceAudit implements AuditAction {
  DEVICE_REGISTERED,
  DEVICE_REFURBISHED,
  DEVICE_RECYCLED,
  DEVICE_WITHDRAWN,
  DEVICE_REPRICED,
  DEVICE_DELETED_MISSCAN
}
