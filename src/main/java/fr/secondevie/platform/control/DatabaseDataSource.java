package fr.secondevie.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application's JDBC data source, chosen from the URL alone: {@code jdbc:postgresql:...} is
 * PostgreSQL, anything else is the embedded H2. Payara's connection pool creates it and sets the
 * URL, user and password from the {@code @DataSourceDefinition} in {@link DataSourceConfig}, so one
 * setting ({@code SECONDEVIE_DB_URL}) switches the whole application between the two.
 */
public class DatabaseDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private volatile DataSource delegate;

  public void setUrl(String url) {
    this.url = url;
    delegate = null;
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
    delegate = null;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
    delegate = null;
  }

  public String getPassword() {
    return password;
  }

  private DataSource delegate() {
    DataSource current = delegate;
    if (current == null) {
      current = url != null && url.startsWith("jdbc:postgresql:") ? postgres() : h2();
      delegate = current;
    }
    return current;
  }

  private DataSource postgres() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    if (user != null && !user.isBlank()) {
      ds.setUser(user);
    }
    if (password != null && !password.isEmpty()) {
      ds.setPassword(password);
    }
    return ds;
  }

  private DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser(user == null || user.isBlank() ? "sa" : user);
    ds.setPassword(password == null ? "" : password);
    return ds;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    return delegate().getConnection(username, pass);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate().getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate().setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate().setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate().getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return Logger.getLogger("fr.secondevie");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
