package fr.secondevie.devices.boundary;

import fr.secondevie.devices.entity.Erasure;
import fr.secondevie.devices.entity.ErasureMethod;
import fr.secondevie.devices.entity.Specs;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.time.LocalDateTime;

/**
 * What the refurbisher states about a device, from the API or the form. The erasure is complete or
 * absent: an erasure without method, tool, certificate id or date counts as none. The insertion
 * hours are the work hours of people in insertion the workshop spent on the device (none: null).
 */
public record RefurbishmentOrder(
    Grade grade,
    Integer batteryHealthPercent,
    Specs specs,
    ErasureMethod erasureMethod,
    String erasureTool,
    String erasureCertificateId,
    LocalDateTime erasedAt,
    boolean functionalTestsPassed,
    Long relayId,
    Money listPrice,
    java.math.BigDecimal insertionHours) {

  Erasure erasure(String operator) {
    if (erasureMethod == null
        || erasureTool == null
        || erasureTool.isBlank()
        || erasureCertificateId == null
        || erasureCertificateId.isBlank()
        || erasedAt == null) {
      return null;
    }
    return new Erasure(erasureMethod, erasureTool, erasureCertificateId, erasedAt, operator);
  }
}
