package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CursorTest {

  private final JdbcDataSource database = new JdbcDataSource();

  @BeforeEach
  void aTableOfMoreRowsThanOneFetch() throws SQLException {
    database.setURL("jdbc:h2:mem:cursor;MODE=LEGACY;DB_CLOSE_DELAY=-1");
    try (Connection db = database.getConnection();
        Statement sql = db.createStatement()) {
      sql.execute("drop table if exists line");
      sql.execute("create table line (id integer primary key, batch integer, code varchar(8))");
      sql.execute(
          "insert into line select x, mod(x, 2), 'C' || x from system_range(1, "
              + (2 * Cursor.FETCH_SIZE + 20)
              + ")");
    }
  }

  @Test
  void eachRowOfTheQueryIsHandedOverInOrderWithItsParameters() {
    List<String> codes = new ArrayList<>();
    Cursor.each(
        database,
        "The lines",
        "select code from line where batch = ? and id > ? order by id desc",
        List.of(1, 10),
        row -> codes.add(row.getString(1)));
    assertThat(codes)
        .as("the odd ids above 10, more than one fetch")
        .hasSize(Cursor.FETCH_SIZE + 5);
    assertThat(codes.get(0)).isEqualTo("C" + (2 * Cursor.FETCH_SIZE + 19));
    assertThat(codes.get(codes.size() - 1)).isEqualTo("C11");
  }

  @Test
  void aFailureOfTheDatabaseSaysWhatCouldNotBeRead() {
    assertThatThrownBy(
            () ->
                Cursor.each(database, "The lines", "select nothing from line", List.of(), r -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The lines could not be read")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void whatTheRowsReaderThrowsStopsTheReadingAndGoesUpAsItIs() {
    List<Integer> read = new ArrayList<>();
    IllegalArgumentException stop = new IllegalArgumentException("the client went away");
    assertThatThrownBy(
            () ->
                Cursor.each(
                    database,
                    "The lines",
                    "select id from line order by id",
                    List.of(),
                    row -> {
                      read.add(row.getInt(1));
                      if (read.size() == 3) {
                        throw stop;
                      }
                    }))
        .isSameAs(stop);
    assertThat(read).containsExactly(1, 2, 3);
  }
}
