package io.tranche.app.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares while counting is on, so a test can show
 * that a page's queries stay constant in number as the data grows. MockMvc runs a request on the
 * test's thread, so its statements are the ones counted.
 */
public final class StatementCounter extends DelegatingDataSource {
  private static final ThreadLocal<java.util.List<String>> SEEN = new ThreadLocal<>();

  StatementCounter(DataSource target) {
    super(target);
  }

  /** Runs {@code action} and returns how many statements this thread prepared meanwhile. */
  public static int count(ThrowingRunnable action) throws Exception {
    return statements(action).size();
  }

  /**
   * Runs {@code action} and returns the statements this thread prepared meanwhile, in order (a
   * statement created without SQL appears as an empty string).
   */
  public static java.util.List<String> statements(ThrowingRunnable action) throws Exception {
    java.util.List<String> seen = new java.util.ArrayList<>();
    SEEN.set(seen);
    try {
      action.run();
    } finally {
      SEEN.remove();
    }
    return seen;
  }

  /** A test step that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Override
  public Connection getConnection() throws java.sql.SQLException {
    return counted(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws java.sql.SQLException {
    return counted(super.getConnection(username, password));
  }

  private static Connection counted(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          java.util.List<String> seen = SEEN.get();
          if (seen != null
              && (name.equals("prepareStatement")
                  || name.equals("prepareCall")
                  || name.equals("createStatement"))) {
            seen.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : "");
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }
}
