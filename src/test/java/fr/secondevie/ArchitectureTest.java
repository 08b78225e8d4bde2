package fr.secondevie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The design map as tests (the README's "Architecture"): which capability may use which, that
 * entities know nothing of the code that uses them, and that a capability's SQL touches its own
 * tables or the read models another capability publishes for it. Adding a forbidden import or a
 * query on another capability's table fails {@code mvn verify} here, with the offending line.
 */
class ArchitectureTest {

  private static final String ROOT = "fr.secondevie";

  /**
   * Who may use whom, besides {@code platform} (which every capability uses and which uses none)
   * and {@code organisations} (the directory of organisations and users every capability asks who
   * is acting for whom). Nothing calls back up, so there are no cycles.
   */
  static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("platform", Set.of()),
          Map.entry("organisations", Set.of()),
          Map.entry("payments", Set.of()),
          Map.entry("donations", Set.of()),
          Map.entry("eligibility", Set.of()),
          Map.entry("vouchers", Set.of()),
          Map.entry("devices", Set.of("donations")),
          Map.entry("receipts", Set.of("donations")),
          Map.entry("pricing", Set.of("devices", "eligibility")),
          Map.entry("sales", Set.of("pricing", "vouchers", "payments", "devices", "eligibility")),
          Map.entry("impact", Set.of("devices", "donations", "eligibility", "sales", "vouchers")));

  /** The tables of the Flyway migrations and the capability that owns each. */
  static final Map<String, String> TABLES =
      Map.ofEntries(
          Map.entry("audit_entry", "platform"),
          Map.entry("login_throttle", "platform"),
          Map.entry("demo_story", "platform"),
          Map.entry("job_lease", "platform"),
          Map.entry("number_series", "platform"),
          Map.entry("organisation", "organisations"),
          Map.entry("app_user", "organisations"),
          Map.entry("user_role", "organisations"),
          Map.entry("mediation_service", "organisations"),
          Map.entry("territory", "organisations"),
          Map.entry("territory_department", "organisations"),
          Map.entry("workshop_category", "organisations"),
          Map.entry("membership_request", "organisations"),
          Map.entry("account_activation", "organisations"),
          Map.entry("donation", "donations"),
          Map.entry("donation_item", "donations"),
          Map.entry("device", "devices"),
          Map.entry("beneficiary", "eligibility"),
          Map.entry("eligibility_decision", "eligibility"),
          Map.entry("eligibility_rule_set", "eligibility"),
          Map.entry("eligibility_rule_criterion", "eligibility"),
          Map.entry("eligibility_rule_qf", "eligibility"),
          Map.entry("eligibility_rule_quota", "eligibility"),
          Map.entry("quota_use", "eligibility"),
          Map.entry("beneficiary_need", "eligibility"),
          Map.entry("pricing_rule", "pricing"),
          Map.entry("legal_price_cap", "pricing"),
          Map.entry("voucher_programme", "vouchers"),
          Map.entry("voucher", "vouchers"),
          Map.entry("issuance_batch", "vouchers"),
          Map.entry("booklet", "vouchers"),
          Map.entry("redemption", "vouchers"),
          Map.entry("voucher_statement", "vouchers"),
          Map.entry("voucher_statement_line", "vouchers"),
          Map.entry("voucher_statement_duplicate", "vouchers"),
          Map.entry("voucher_statement_duplicate_line", "vouchers"),
          Map.entry("stripe_event", "payments"),
          Map.entry("terminal_location", "payments"),
          Map.entry("card_reader", "payments"),
          Map.entry("sale_order", "sales"),
          Map.entry("sale_order_line", "sales"),
          Map.entry("sale_order_voucher", "sales"),
          Map.entry("sale_payment", "sales"),
          Map.entry("sale_receipt_counter", "sales"),
          Map.entry("cash_session", "sales"),
          Map.entry("sales_journal", "sales"),
          Map.entry("sales_journal_head", "sales"),
          Map.entry("card_refund_attempt", "sales"),
          Map.entry("sale_return", "sales"),
          Map.entry("sale_return_refund", "sales"),
          Map.entry("sale_return_voucher", "sales"),
          Map.entry("credit_note_counter", "sales"),
          Map.entry("redemption_reversal", "vouchers"),
          Map.entry("voucher_redemption_day", "vouchers"),
          Map.entry("relay_invoice", "vouchers"),
          Map.entry("relay_invoice_counter", "vouchers"),
          Map.entry("tax_receipt", "receipts"),
          Map.entry("tax_receipt_counter", "receipts"),
          Map.entry("tax_receipt_series_counter", "receipts"),
          Map.entry("receipt_batch", "receipts"),
          Map.entry("receipt_batch_item", "receipts"),
          Map.entry("impact_factor", "impact"));

  /**
   * Read models: views a capability publishes over its own tables for the capabilities allowed to
   * use it, so that they read what it chooses to show and not its tables.
   */
  static final Map<String, String> READ_MODELS =
      Map.ofEntries(
          Map.entry("device_fate", "devices"),
          Map.entry("equipment_given", "eligibility"),
          Map.entry("organisation_name", "organisations"),
          Map.entry("organisation_place", "organisations"),
          Map.entry("donation_pledged", "donations"),
          Map.entry("device_supply", "devices"),
          Map.entry("eligibility_outcome", "eligibility"),
          Map.entry("beneficiary_of_structure", "eligibility"),
          Map.entry("need_diagnosed", "eligibility"),
          Map.entry("programme_funder", "vouchers"),
          Map.entry("voucher_issued", "vouchers"),
          Map.entry("voucher_issuance", "vouchers"),
          Map.entry("voucher_redeemed_daily", "vouchers"),
          Map.entry("voucher_redeemed", "vouchers"),
          Map.entry("voucher_reversed", "vouchers"),
          Map.entry("service_given", "sales"));

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void eachCapabilityUsesOnlyWhatTheMapAllows() {
    capabilities().check(CLASSES);
  }

  /** The map as layers: each capability may access only the ones its line names. */
  static LayeredArchitecture capabilities() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String capability : MAY_USE.keySet()) {
      layers = layers.layer(capability).definedBy(ROOT + "." + capability + "..");
    }
    for (var entry : MAY_USE.entrySet()) {
      List<String> allowed = new ArrayList<>(entry.getValue());
      if (!entry.getKey().equals("platform")) {
        allowed.add("platform");
      }
      if (!entry.getKey().equals("platform") && !entry.getKey().equals("organisations")) {
        allowed.add("organisations");
      }
      layers =
          allowed.isEmpty()
              ? layers.whereLayer(entry.getKey()).mayNotAccessAnyLayer()
              : layers
                  .whereLayer(entry.getKey())
                  .mayOnlyAccessLayers(allowed.toArray(String[]::new));
    }
    return layers;
  }

  @Test
  void everyClassLivesInACapability() {
    Set<String> outside = new TreeSet<>();
    CLASSES.forEach(
        c -> {
          String rest =
              c.getPackageName()
                  .substring(Math.min(c.getPackageName().length(), ROOT.length() + 1));
          String capability = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
          if (!MAY_USE.containsKey(capability)) {
            outside.add(c.getName());
          }
        });
    assertThat(outside).as("classes outside the capabilities of the map").isEmpty();
  }

  @Test
  void entitiesKnowNothingOfControlOrBoundary() {
    entitiesRule().check(CLASSES);
  }

  static ArchRule entitiesRule() {
    return noClasses()
        .that()
        .resideInAPackage(ROOT + ".*.entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".*.control..", ROOT + ".*.boundary..");
  }

  /**
   * The rules fail when the code breaks them: an entity of the test sources that holds a sales
   * control bean ({@link fr.secondevie.vouchers.entity.ForbiddenEntity}) breaks both the map and
   * the entities' rule, and the main code alone breaks neither.
   */
  @Test
  void theRulesSeeAForbiddenImport() {
    JavaClasses bad =
        new ClassFileImporter()
            .importClasses(
                fr.secondevie.vouchers.entity.ForbiddenEntity.class,
                fr.secondevie.sales.control.Orders.class);
    assertThat(entitiesRule().evaluate(bad).hasViolation()).isTrue();
    assertThat(capabilities().evaluate(bad).hasViolation()).isTrue();
    assertThat(entitiesRule().evaluate(CLASSES).hasViolation()).isFalse();
  }

  @Test
  void controlNeverReachesUpToBoundary() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".*.control..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".*.boundary..")
        .because("rules and adapters are called by the edges, not the other way round")
        .check(CLASSES);
  }

  /**
   * A capability's boundary is its edge (resources, pages) and the transaction of its own use
   * cases: another capability joins it through its control beans and entities, inside the caller's
   * transaction, never through its boundary. Platform's boundary is the edge toolkit every edge
   * shares (problem responses, page messages, input bounds): used by boundaries only.
   */
  @Test
  void noCapabilityUsesAnothersBoundary() {
    for (String capability : MAY_USE.keySet()) {
      if (capability.equals("platform")) {
        continue;
      }
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + "." + capability + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + "." + capability + ".boundary..")
          .allowEmptyShould(true)
          .check(CLASSES);
    }
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".*.control..", ROOT + ".*.entity..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".platform.boundary..")
        .check(CLASSES);
  }

  @Test
  void everyTableAndViewHasAnOwner() throws IOException {
    Set<String> created = new TreeSet<>();
    Set<String> views = new TreeSet<>();
    Pattern create = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    Pattern view = Pattern.compile("(?i)create\\s+(?:or\\s+replace\\s+)?view\\s+(\\w+)");
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = create.matcher(text);
        while (m.find()) {
          created.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher v = view.matcher(text);
        while (v.find()) {
          views.add(v.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    assertThat(TABLES.keySet()).containsExactlyInAnyOrderElementsOf(created);
    assertThat(READ_MODELS.keySet()).containsExactlyInAnyOrderElementsOf(views);
  }

  /**
   * Native SQL in a capability's code names its own tables, or a read model published by a
   * capability it may use. Read from the sources: each string literal that reads as SQL is searched
   * for the (lower-case) table after {@code from}, {@code join}, {@code update} and {@code into};
   * JPQL names entities, whose use the dependency rules govern.
   */
  @Test
  void aCapabilitysSqlTouchesItsOwnTablesOrAPublishedReadModel() {
    Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    Pattern table = Pattern.compile("\\b(?i:from|join|update|into)\\s+([a-z_]+)\\b");
    Pattern sql =
        Pattern.compile(
            "(?i)\\b(select|where|join|group by|order by|insert into|delete from|set)\\b");
    List<String> trespasses = new ArrayList<>();
    for (Path file : sources()) {
      String capability = capabilityOf(file);
      String text = read(file);
      int lineNo = 0;
      for (String line : text.split("\n", -1)) {
        lineNo++;
        Matcher strings = literal.matcher(line);
        while (strings.find()) {
          if (!sql.matcher(strings.group(1)).find()) {
            continue;
          }
          Matcher names = table.matcher(strings.group(1));
          while (names.find()) {
            String name = names.group(1);
            String owner = TABLES.get(name);
            String publisher = READ_MODELS.get(name);
            boolean allowed =
                (owner != null && owner.equals(capability))
                    || (publisher != null
                        && (publisher.equals(capability)
                            || publisher.equals("organisations")
                            || MAY_USE.get(capability).contains(publisher)));
            if ((owner != null || publisher != null) && !allowed) {
              trespasses.add(
                  file.getFileName()
                      + ":"
                      + lineNo
                      + " ("
                      + capability
                      + ") reads "
                      + name
                      + " of "
                      + (owner != null ? owner : publisher));
            }
          }
        }
      }
    }
    assertThat(trespasses).as("SQL on another capability's tables").isEmpty();
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/fr/secondevie"))) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String capabilityOf(Path file) {
    return Path.of("src/main/java/fr/secondevie").relativize(file).getName(0).toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
