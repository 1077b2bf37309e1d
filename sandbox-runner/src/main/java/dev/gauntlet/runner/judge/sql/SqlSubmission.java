package dev.gauntlet.runner.judge.sql;

import dev.gauntlet.runner.judge.sql.SqlStatements.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sql submission as the judge runs it: one query from {@code query.sql}, and the index statements
 * of {@code indexes.sql} if there is one. Anything else is refused before a database is started,
 * with a message that says what was found and what is accepted.
 *
 * @param query   the query, without its closing {@code ;}
 * @param indexes {@code CREATE INDEX} statements, each without its {@code ;}
 */
record SqlSubmission(String query, List<String> indexes) {
  static final String QUERY_FILE = "query.sql";
  static final String INDEXES_FILE = "indexes.sql";
  /** More indexes than this is not tuning. */
  static final int MAX_INDEXES = 10;
  private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "(");

  SqlSubmission {
    indexes = List.copyOf(indexes);
  }

  /** @throws Rejected with the message a candidate reads, when the files are not one query and indexes */
  static SqlSubmission parse(Map<String, String> files) {
    var unexpected = new TreeSet<>(files.keySet());
    unexpected.removeAll(Set.of(QUERY_FILE, INDEXES_FILE));
    if (!unexpected.isEmpty()) {
      throw new Rejected("a sql submission is " + QUERY_FILE + " and, if it creates indexes, " + INDEXES_FILE
          + "; remove " + String.join(", ", unexpected));
    }
    String queryText = files.get(QUERY_FILE);
    if (queryText == null) {
      throw new Rejected(QUERY_FILE + ": missing; it holds the query");
    }
    return new SqlSubmission(query(queryText), indexes(files.getOrDefault(INDEXES_FILE, "")));
  }

  private static String query(String text) {
    List<Statement> statements = SqlStatements.split(text);
    if (statements.isEmpty()) {
      throw new Rejected(QUERY_FILE + ": holds no statement; write the query there");
    }
    Statement first = statements.getFirst();
    if (!QUERY_KEYWORDS.contains(first.keyword())) {
      throw new Rejected(QUERY_FILE + ":" + first.line() + ": only a query (SELECT, WITH, VALUES or TABLE) is"
          + " accepted, not " + named(first));
    }
    if (statements.size() > 1) {
      throw new Rejected(QUERY_FILE + ":" + statements.get(1).line() + ": a second statement (" + named(statements.get(1))
          + "); submit exactly one query");
    }
    return first.text();
  }

  private static List<String> indexes(String text) {
    List<Statement> statements = SqlStatements.split(text);
    if (statements.size() > MAX_INDEXES) {
      throw new Rejected(INDEXES_FILE + ": " + statements.size() + " statements; at most " + MAX_INDEXES
          + " indexes are accepted");
    }
    for (Statement statement : statements) {
      List<String> words = statement.words(3);
      boolean createIndex = words.size() >= 2 && words.get(0).equals("CREATE")
          && (words.get(1).equals("INDEX") || words.size() == 3 && words.get(1).equals("UNIQUE")
          && words.get(2).equals("INDEX"));
      if (!createIndex) {
        throw new Rejected(INDEXES_FILE + ":" + statement.line() + ": only CREATE INDEX statements are accepted"
            + " here, not " + named(statement));
      }
    }
    return statements.stream().map(Statement::text).toList();
  }

  private static String named(Statement statement) {
    List<String> words = statement.words(2);
    return words.isEmpty() ? "'" + statement.text().substring(0, Math.min(20, statement.text().length())) + "'"
        : String.join(" ", words);
  }

  /** The files are not a query with indexes: the candidate's message says why. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }
}
