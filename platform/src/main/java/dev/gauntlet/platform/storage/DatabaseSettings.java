package dev.gauntlet.platform.storage;

/**
 * Which database the platform keeps its records in.
 *
 * @param url      a {@code jdbc:postgresql://} URL; blank for the embedded H2 file database in the data folder
 * @param user     PostgreSQL's user
 * @param password PostgreSQL's password; only ever read from the environment, where {@code ps} cannot show it
 */
public record DatabaseSettings(String url, String user, String password) {
  public static final String POSTGRES_PREFIX = "jdbc:postgresql://";

  public static DatabaseSettings embedded() {
    return new DatabaseSettings("", "", "");
  }

  public boolean isEmbedded() {
    return url.isBlank();
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return isEmbedded() ? "embedded H2" : url + " as " + user;
  }
}
