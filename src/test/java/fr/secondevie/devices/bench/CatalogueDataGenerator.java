package fr.secondevie.devices.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a migrated database (start the application on it once, so Flyway creates the schema) with a
 * realistic volume for the catalogue benchmark: 20 relays, 25 donor companies, 500 received
 * donations and 100,000 devices (about 60 % on sale, the rest in the workshop, sold or recycled).
 * Rerunnable: it does nothing when the generated devices are already there.
 *
 * <pre>
 * java -cp target/test-classes:$(cat target/bench.classpath) \
 *   fr.secondevie.devices.bench.CatalogueDataGenerator \
 *   jdbc:postgresql://127.0.0.1:5432/sv_bench postgres ""
 * </pre>
 *
 * (see {@code src/test/bench/catalogue-bench.sh}, which does all of it).
 */
public final class CatalogueDataGenerator {

  static final int RELAYS = 20;
  static final int DONORS = 25;
  static final int DONATIONS = 500;
  static final int DEVICES = 100_000;

  private record Model(
      String category,
      String brand,
      String model,
      String cpu,
      int ram,
      int storage,
      String screen,
      String os,
      long price) {}

  private static final List<Model> MODELS =
      List.of(
          new Model(
              "LAPTOP",
              "Dell",
              "Latitude 5490",
              "Intel Core i5-8350U",
              8,
              256,
              "14.0",
              "Ubuntu 24.04",
              14900),
          new Model(
              "LAPTOP",
              "Lenovo",
              "ThinkPad T480",
              "Intel Core i5-8250U",
              16,
              512,
              "14.0",
              "Windows 11",
              16900),
          new Model(
              "LAPTOP",
              "HP",
              "EliteBook 840 G5",
              "Intel Core i5-8350U",
              8,
              256,
              "14.0",
              "Linux Mint 22",
              13900),
          new Model(
              "DESKTOP",
              "HP",
              "EliteDesk 800 G4",
              "Intel Core i5-8500",
              8,
              256,
              null,
              "Linux Mint 22",
              9900),
          new Model(
              "DESKTOP",
              "Dell",
              "OptiPlex 7060",
              "Intel Core i5-8500",
              16,
              512,
              null,
              "Windows 11",
              11900),
          new Model("TABLET", "Apple", "iPad 8", "A12 Bionic", 3, 32, "10.2", "iPadOS 18", 8900),
          new Model(
              "TABLET",
              "Samsung",
              "Galaxy Tab A7",
              "Snapdragon 662",
              3,
              32,
              "10.4",
              "Android 13",
              6900),
          new Model(
              "SMARTPHONE",
              "Samsung",
              "Galaxy A52",
              "Snapdragon 720G",
              6,
              128,
              "6.5",
              "Android 14",
              7900),
          new Model(
              "SMARTPHONE", "Apple", "iPhone 11", "A13 Bionic", 4, 64, "6.1", "iOS 18", 12900),
          new Model(
              "SMARTPHONE",
              "Fairphone",
              "Fairphone 4",
              "Snapdragon 750G",
              6,
              128,
              "6.3",
              "Android 13",
              14900),
          new Model("SCREEN", "Dell", "P2419H", null, 0, 0, "24.0", null, 2500),
          new Model("SCREEN", "Iiyama", "ProLite XU2493HS", null, 0, 0, "24.0", null, 2500));

  private CatalogueDataGenerator() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/sv_bench";
    String user = args.length > 1 ? args[1] : "postgres";
    String password = args.length > 2 ? args[2] : "";
    long start = System.nanoTime();
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      db.setAutoCommit(false);
      if (count(db, "select count(*) from device where serial_number like 'GEN-%'") >= DEVICES) {
        System.out.println("Generated data already present: nothing to do");
        return;
      }
      Random random = new Random(42);
      LocalDateTime now = LocalDateTime.now().withNano(0);
      List<Long> relays = organisations(db, "RELAY", RELAYS, "Relais numérique ", now, true);
      List<Long> donors = organisations(db, "COMPANY", DONORS, "Entreprise donatrice ", now, false);
      long workshop = organisations(db, "REFURBISHER", 1, "Atelier ", now, false).get(0);
      List<Long> donations = donations(db, donors, now, random);
      devices(db, donations, relays, workshop, now, random);
      db.commit();
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        s.execute(url.startsWith("jdbc:postgresql") ? "vacuum analyze" : "analyze");
      }
    }
    System.out.printf(
        "Generated %d relays, %d donations, %d devices in %.1f s%n",
        RELAYS, DONATIONS, DEVICES, (System.nanoTime() - start) / 1e9);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The organisations of a kind, created up to {@code wanted}. */
  private static List<Long> organisations(
      Connection db, String kind, int wanted, String prefix, LocalDateTime now, boolean relay)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement("select id from organisation where kind = ? order by id")) {
      q.setString(1, kind);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
    }
    String[] cities = {"Amiens", "Abbeville", "Albert", "Péronne", "Montdidier", "Doullens", "Ham"};
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into organisation (name, kind, public_body, address, postal_code, city,"
                + " opening_hours, created_at, territory_id) values (?, ?, false, ?, ?, ?, ?, ?,"
                + " (select t.id from territory t where t.code = 'HDF'))",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = ids.size(); i < wanted; i++) {
        String city = cities[i % cities.length];
        insert.setString(1, prefix + city + " " + (i + 1));
        insert.setString(2, kind);
        insert.setString(3, (i + 1) + " rue de la République");
        insert.setString(4, "80" + String.format("%03d", i * 10));
        insert.setString(5, city);
        insert.setString(6, relay ? "Lundi au vendredi 9h–12h et 14h–17h" : null);
        insert.setTimestamp(7, Timestamp.valueOf(now));
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          ids.add(keys.getLong(1));
        }
      }
    }
    return ids.subList(0, wanted);
  }

  private static List<Long> donations(
      Connection db, List<Long> donors, LocalDateTime now, Random random) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement insert =
            db.prepareStatement(
                "insert into donation (donor_id, status, public_origin, pickup_address,"
                    + " available_from, pledged_by, pledged_at, received_at) values"
                    + " (?, 'RECEIVED', ?, ?, ?, 'generator', ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement item =
            db.prepareStatement(
                "insert into donation_item (donation_id, line_no, category, quantity,"
                    + " description, unit_value_cents) values (?, 0, 'LAPTOP', ?, 'Lot généré',"
                    + " 10000)")) {
      for (int i = 0; i < DONATIONS; i++) {
        LocalDateTime pledged = now.minusDays(400 - i * 400L / DONATIONS);
        insert.setLong(1, donors.get(i % donors.size()));
        insert.setBoolean(2, i % 10 == 0);
        insert.setString(3, "Zone d'activités, lot " + i);
        insert.setObject(4, pledged.toLocalDate().plusDays(3));
        insert.setTimestamp(5, Timestamp.valueOf(pledged));
        insert.setTimestamp(6, Timestamp.valueOf(pledged.plusDays(7)));
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          ids.add(keys.getLong(1));
        }
        item.setLong(1, ids.get(i));
        item.setInt(2, DEVICES / DONATIONS);
        item.addBatch();
      }
      item.executeBatch();
    }
    return ids;
  }

  private static void devices(
      Connection db,
      List<Long> donations,
      List<Long> relays,
      long workshop,
      LocalDateTime now,
      Random random)
      throws SQLException {
    String sql =
        "insert into device (donation_id, serial_number, category, brand, model, search_text,"
            + " status, public_origin, grade, battery_health_percent, cpu, ram_gb, storage_gb,"
            + " screen_inches, os, functional_tests_passed, erasure_method, erasure_tool,"
            + " erasure_certificate_id, erased_at, erasure_operator, refurbisher_id, relay_id,"
            + " list_price_cents, received_at, received_by, refurbished_at, sold_at, recycled_at,"
            + " recycling_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String[] grades = {"A", "B", "B", "C"};
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      for (int n = 0; n < DEVICES; n++) {
        Model m = MODELS.get(random.nextInt(MODELS.size()));
        int roll = random.nextInt(100);
        String status =
            roll < 60 ? "AVAILABLE" : roll < 75 ? "RECEIVED" : roll < 90 ? "SOLD" : "RECYCLED";
        boolean refurbished = !status.equals("RECEIVED") && !status.equals("RECYCLED");
        LocalDateTime received = now.minusDays(1 + random.nextInt(365));
        int i = 0;
        insert.setLong(++i, donations.get(n % donations.size()));
        insert.setString(++i, String.format("GEN-%07d", n));
        insert.setString(++i, m.category());
        insert.setString(++i, m.brand());
        insert.setString(++i, m.model());
        insert.setString(
            ++i,
            (m.brand() + " " + m.model() + (m.cpu() == null ? "" : " " + m.cpu())).toLowerCase());
        insert.setString(++i, status);
        insert.setBoolean(++i, n % donations.size() % 10 == 0);
        insert.setString(++i, refurbished ? grades[random.nextInt(grades.length)] : null);
        setInt(
            insert,
            ++i,
            refurbished && m.ram() > 0 && !m.category().equals("DESKTOP")
                ? 75 + random.nextInt(26)
                : null);
        insert.setString(++i, refurbished ? m.cpu() : null);
        setInt(insert, ++i, refurbished && m.ram() > 0 ? m.ram() : null);
        setInt(insert, ++i, refurbished && m.storage() > 0 ? m.storage() : null);
        insert.setBigDecimal(
            ++i, refurbished && m.screen() != null ? new java.math.BigDecimal(m.screen()) : null);
        insert.setString(++i, refurbished ? m.os() : null);
        insert.setBoolean(++i, refurbished);
        insert.setString(++i, refurbished ? "PURGE" : null);
        insert.setString(++i, refurbished ? "Blancco Drive Eraser 7" : null);
        insert.setString(++i, refurbished ? String.format("EFF-GEN-%07d", n) : null);
        insert.setTimestamp(++i, refurbished ? Timestamp.valueOf(received.plusDays(2)) : null);
        insert.setString(++i, refurbished ? "generator" : null);
        setLong(insert, ++i, refurbished ? workshop : null);
        setLong(insert, ++i, refurbished ? relays.get(random.nextInt(relays.size())) : null);
        setLong(insert, ++i, refurbished ? m.price() - 1000 + 500L * random.nextInt(5) : null);
        insert.setTimestamp(++i, Timestamp.valueOf(received));
        insert.setString(++i, "generator");
        insert.setTimestamp(++i, refurbished ? Timestamp.valueOf(received.plusDays(3)) : null);
        insert.setTimestamp(
            ++i, status.equals("SOLD") ? Timestamp.valueOf(received.plusDays(20)) : null);
        insert.setTimestamp(
            ++i, status.equals("RECYCLED") ? Timestamp.valueOf(received.plusDays(5)) : null);
        insert.setString(++i, status.equals("RECYCLED") ? "Hors d'usage" : null);
        insert.addBatch();
        if (n % 2_000 == 1_999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
    if (value == null) {
      s.setNull(i, java.sql.Types.INTEGER);
    } else {
      s.setInt(i, value);
    }
  }

  private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
    if (value == null) {
      s.setNull(i, java.sql.Types.BIGINT);
    } else {
      s.setLong(i, value);
    }
  }
}
