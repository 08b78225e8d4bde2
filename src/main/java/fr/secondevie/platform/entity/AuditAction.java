package fr.secondevie.platform.entity;

/**
 * An act the audit trail records, named in UPPER_SNAKE_CASE ({@code DEVICE_REGISTERED}). Each
 * capability declares its acts once, as an enum implementing this, so an action's name is written
 * in one place; the name is what {@code audit_entry.action} keeps. Entries written before this
 * naming keep the names they were written with ({@code device.registered}...): the trail is history
 * and is never rewritten.
 */
public interface AuditAction {

  /** The name stored in the trail. */
  String name();
}
