package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of API.md, read through MicroProfile Config: each one comes from the environment
 * variable of the same name ({@code SECONDEVIE_DEMO} is {@code secondevie.demo}), with the defaults
 * of {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "secondevie.db.url")
  Optional<String> databaseUrl;

  @Inject
  @ConfigProperty(name = "secondevie.demo")
  Optional<Boolean> demo;

  @Inject
  @ConfigProperty(name = "secondevie.demo.story", defaultValue = "true")
  boolean demoStory;

  @Inject
  @ConfigProperty(name = "secondevie.order.hold.minutes", defaultValue = "30")
  int orderHoldMinutes;

  @Inject
  @ConfigProperty(name = "secondevie.return.days", defaultValue = "14")
  int returnDays;

  @Inject
  @ConfigProperty(name = "secondevie.retention.months", defaultValue = "24")
  int retentionMonths;

  @Inject
  @ConfigProperty(name = "secondevie.receipts.signatory", defaultValue = "Le président")
  String receiptSignatory;

  @Inject
  @ConfigProperty(
      name = "secondevie.receipts.model",
      defaultValue = "Modèle cerfa n°16216*02 (formulaire 2041-MEC-SD)")
  String receiptModel;

  /** Who signs the tax receipts, as printed under the certification. */
  public String receiptSignatory() {
    return receiptSignatory;
  }

  /** The version of the official model whose mentions the receipts carry. */
  public String receiptModel() {
    return receiptModel;
  }

  /** True when the embedded H2 database is in use (no {@code SECONDEVIE_DB_URL}). */
  public boolean embeddedDatabase() {
    return databaseUrl
        .filter(url -> !url.isBlank())
        .map(url -> url.startsWith("jdbc:h2:"))
        .orElse(true);
  }

  /** Demo data and the demo banner: on by default with the embedded database, off otherwise. */
  public boolean demo() {
    return demo.orElse(embeddedDatabase());
  }

  /**
   * Whether a demo instance plays the demo story ({@link DemoStory}) at its first request: a few
   * months of the chain's life, so that every page and dashboard has figures.
   */
  public boolean demoStory() {
    return demo() && demoStory;
  }

  /** Months after the last contact before a beneficiary is anonymised (CNIL: 24). */
  public int retentionMonths() {
    return retentionMonths;
  }

  /**
   * Days after the sale during which a device may be returned for a reason other than a defect (a
   * defect is covered by the legal warranty, 24 months).
   */
  public int returnDays() {
    return returnDays;
  }

  public int orderHoldMinutes() {
    return orderHoldMinutes;
  }
}
