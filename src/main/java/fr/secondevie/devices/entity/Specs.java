package fr.secondevie.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** What a buyer compares: processor, memory, storage, screen size and operating system. */
@Embeddable
public class Specs {

  private String cpu;

  @Column(name = "ram_gb")
  private Integer ramGb;

  @Column(name = "storage_gb")
  private Integer storageGb;

  @Column(name = "screen_inches")
  private BigDecimal screenInches;

  private String os;

  protected Specs() {}

  public Specs(String cpu, Integer ramGb, Integer storageGb, BigDecimal screenInches, String os) {
    this.cpu = blankToNull(cpu);
    this.ramGb = ramGb;
    this.storageGb = storageGb;
    this.screenInches = screenInches;
    this.os = blankToNull(os);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String cpu() {
    return cpu;
  }

  public Integer ramGb() {
    return ramGb;
  }

  public Integer storageGb() {
    return storageGb;
  }

  public BigDecimal screenInches() {
    return screenInches;
  }

  public String os() {
    return os;
  }
}
