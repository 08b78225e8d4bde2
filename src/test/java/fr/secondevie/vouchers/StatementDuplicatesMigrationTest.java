package fr.secondevie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V55 on a database that already holds duplicate statements (the concurrent draws of issue 13): of
 * each programme, month and relay one stays, the one furthest on; the other drafts go; another
 * agreed or paid one is set aside with its lines, never lost; then the database refuses a second.
 */
class StatementDuplicatesMigrationTest {

  private static final String URL = "jdbc:h2:mem:v55;MODE=LEGACY;DB_CLOSE_DELAY=-1";

  @Test
  void duplicatesAreFoldedIntoTheStatementFurthestOnAndTheMoneyPaidTwiceIsKeptAside()
      throws SQLException {
    migrate("54");
    try (Connection db = DriverManager.getConnection(URL, "sa", "");
        Statement sql = db.createStatement()) {
      sql.execute(
          "insert into organisation (id, name, kind, created_at) values"
              + " (901, 'Relais A', 'RELAY', current_timestamp),"
              + " (902, 'Relais B', 'RELAY', current_timestamp),"
              + " (903, 'Département', 'AUTHORITY', current_timestamp)");
      sql.execute(
          "insert into voucher_programme (id, authority_id, name, kind, face_value_cents,"
              + " valid_from, valid_until, tolerance_days, nominative, postal_code_prefixes,"
              + " created_at) values (910, 903, 'P', 'CHEQUE_EQUIPEMENT', 2000, date '2026-01-01',"
              + " date '2026-12-31', 0, false, '80', current_timestamp)");
      String[][] statements = {
        {"901", "RELAY_PAYMENT", "DRAFT"},
        {"901", "RELAY_PAYMENT", "PAID"},
        {"901", "RELAY_PAYMENT", "PAID"},
        {"901", "RELAY_PAYMENT", "AGREED"},
        {"902", "RELAY_PAYMENT", "DRAFT"},
        {"902", "RELAY_PAYMENT", "DRAFT"},
        {null, "FUNDER_CREDIT", "DRAFT"},
        {null, "FUNDER_CREDIT", "DRAFT"},
      };
      int id = 920;
      for (String[] s : statements) {
        id++;
        sql.execute(
            "insert into voucher_statement (id, programme_id, relay_id, kind, period, status,"
                + " item_count, amount_cents, created_at) values ("
                + id
                + ", 910, "
                + s[0]
                + ", '"
                + s[1]
                + "', '2026-11', '"
                + s[2]
                + "', 1, 2000, current_timestamp)");
        sql.execute(
            "insert into voucher_statement_line (statement_id, voucher_code, occurred_at,"
                + " face_value_cents, amount_cents) values ("
                + id
                + ", 'CODE"
                + id
                + "', current_timestamp, 2000, 2000)");
      }
    }
    migrate("55");
    try (Connection db = DriverManager.getConnection(URL, "sa", "");
        Statement sql = db.createStatement()) {
      assertThat(rows(sql, "select id, status from voucher_statement order by id"))
          .as("of relay A the first paid one, of relay B and of the credit the oldest draft")
          .containsExactly("922 PAID", "925 DRAFT", "927 DRAFT");
      assertThat(
              rows(
                  sql, "select id, kept_statement_id from voucher_statement_duplicate order by id"))
          .as("the second payment and the agreement of relay A, set aside")
          .containsExactly("923 922", "924 922");
      assertThat(
              rows(
                  sql,
                  "select statement_id, voucher_code from voucher_statement_duplicate_line"
                      + " order by statement_id"))
          .containsExactly("923 CODE923", "924 CODE924");
      assertThat(rows(sql, "select statement_id from voucher_statement_line order by 1"))
          .containsExactly("922", "925", "927");
      assertThatThrownBy(
              () ->
                  sql.execute(
                      "insert into voucher_statement (programme_id, relay_id, relay_key, kind,"
                          + " period, status, item_count, amount_cents, created_at) values"
                          + " (910, null, 0, 'FUNDER_CREDIT', '2026-11', 'DRAFT', 1, 2000,"
                          + " current_timestamp)"))
          .as("a second credit of the month")
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    }
  }

  private static void migrate(String target) {
    Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .target(target)
        .load()
        .migrate();
  }

  private static List<String> rows(Statement sql, String query) throws SQLException {
    return fr.secondevie.testing.TestDatabase.rows(sql, query);
  }
}
