package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The statements of {@link NumberSeries} on H2 as the application runs it (MODE=LEGACY), each in
 * transactions of its own connection as two instances would: a scope is numbered from 1, a second
 * caller of the same scope waits for the first's commit and takes the next number, a rollback gives
 * its number back, another scope does not wait; and V160 carries the three counters it replaces
 * over, so that no series starts again at 1.
 */
class NumberSeriesTest {

  private String url;

  @Test
  void aScopeIsNumberedFromOneAndTwoCallersTakeConsecutiveNumbersOneAfterTheOther()
      throws Exception {
    url = database("series");
    migrate(url, null);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Connection a = transactional(url);
        Connection b = transactional(url)) {
      assertThat(next(a, "credit_note", "12")).isEqualTo(1);
      a.commit();

      assertThat(next(a, "credit_note", "12")).isEqualTo(2);
      Future<Integer> second = other.submit(() -> next(b, "credit_note", "12"));
      assertThatThrownBy(() -> second.get(700, TimeUnit.MILLISECONDS))
          .as("the second caller waits for the first's commit")
          .isInstanceOf(TimeoutException.class);
      assertThat(next(a, "credit_note", "13"))
          .as("another relay's series is another row: it does not wait")
          .isEqualTo(1);
      a.commit();
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(3);
      b.rollback();

      assertThat(next(a, "credit_note", "12"))
          .as("the number the rolled-back transaction had taken, handed out again")
          .isEqualTo(3);
      a.commit();
      assertThat(next(a, "relay_invoice", "12"))
          .as("another series of the same relay starts at 1")
          .isEqualTo(1);
      a.commit();
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void openingAScopeTwiceLeavesOneRowWhereItWas() throws SQLException {
    url = database("open");
    migrate(url, null);
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      open(db, "tax_receipt", "HDF-2026");
      assertThat(next(db, "tax_receipt", "HDF-2026")).isEqualTo(1);
      open(db, "tax_receipt", "HDF-2026");
      assertThat(rows(db, "select series, scope, last_value from number_series"))
          .containsExactly("tax_receipt HDF-2026 1");
    }
  }

  @Test
  void theMigrationCarriesTheThreeCountersOverThenDropsThem() throws SQLException {
    url = database("v160");
    migrate(url, "151");
    try (Connection db = DriverManager.getConnection(url, "sa", "");
        Statement sql = db.createStatement()) {
      sql.execute(
          "insert into organisation (id, name, kind, territory_id, created_at)"
              + " select 12 + x, 'Relais ' || x, 'RELAY', (select min(id) from territory),"
              + " current_timestamp from system_range(0, 1)");
      sql.execute("insert into relay_invoice_counter values (12, 4), (13, 1)");
      sql.execute("insert into credit_note_counter values (12, 7)");
      sql.execute(
          "insert into tax_receipt_series_counter values ('HDF', 2026, 31), ('', 2026, 5),"
              + " ('IDF', 2025, 2)");
    }
    migrate(url, null);
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      assertThat(rows(db, "select series, scope, last_value from number_series"))
          .containsExactlyInAnyOrder(
              "relay_invoice 12 4",
              "relay_invoice 13 1",
              "credit_note 12 7",
              "tax_receipt HDF-2026 31",
              "tax_receipt 2026 5",
              "tax_receipt IDF-2025 2");
      assertThat(next(db, "relay_invoice", "12")).as("the series goes on").isEqualTo(5);
      for (String old :
          List.of("relay_invoice_counter", "credit_note_counter", "tax_receipt_series_counter")) {
        assertThatThrownBy(() -> rows(db, "select * from " + old))
            .as(old + " is gone")
            .isInstanceOf(SQLException.class);
      }
    }
  }

  /**
   * What {@link NumberSeries#next} does in the caller's transaction, the scope's row opened in a
   * transaction of its own the first time.
   */
  private int next(Connection db, String series, String scope) throws SQLException {
    if (update(db, NumberSeries.INCREMENT, series, scope) == 0) {
      try (Connection own = DriverManager.getConnection(url, "sa", "")) {
        open(own, series, scope);
      }
      assertThat(update(db, NumberSeries.INCREMENT, series, scope)).isEqualTo(1);
    }
    try (PreparedStatement last = db.prepareStatement(NumberSeries.LAST)) {
      last.setString(1, series);
      last.setString(2, scope);
      try (ResultSet result = last.executeQuery()) {
        assertThat(result.next()).isTrue();
        return result.getInt(1);
      }
    }
  }

  private static void open(Connection db, String series, String scope) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(NumberSeries.OPEN)) {
      insert.setString(1, series);
      insert.setString(2, scope);
      insert.setString(3, series);
      insert.setString(4, scope);
      insert.executeUpdate();
    }
  }

  private static int update(Connection db, String sql, String series, String scope)
      throws SQLException {
    try (PreparedStatement update = db.prepareStatement(sql)) {
      update.setString(1, series);
      update.setString(2, scope);
      return update.executeUpdate();
    }
  }

  private static Connection transactional(String url) throws SQLException {
    Connection db = DriverManager.getConnection(url, "sa", "");
    db.setAutoCommit(false);
    return db;
  }

  private static String database(String name) {
    return "jdbc:h2:mem:" + name + ";MODE=LEGACY;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  }

  private static void migrate(String url, String target) {
    var flyway =
        Flyway.configure()
            .dataSource(url, "sa", "")
            .locations("classpath:db/migration", "classpath:db/vendor/h2");
    if (target != null) {
      flyway.target(target);
    }
    flyway.load().migrate();
  }

  private static List<String> rows(Connection db, String query) throws SQLException {
    try (Statement sql = db.createStatement()) {
      return fr.secondevie.testing.TestDatabase.rows(sql, query);
    }
  }
}
