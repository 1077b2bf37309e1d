package dev.gauntlet.runner.judge.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading a sql submission")
class SqlSubmissionTest {
  private static SqlSubmission parse(String query, String indexes) {
    return indexes == null ? SqlSubmission.parse(Map.of("query.sql", query))
        : SqlSubmission.parse(Map.of("query.sql", query, "indexes.sql", indexes));
  }

  /** CSV rows are single lines: a written {@code \n} stands for a line break. */
  private static String lines(String text) {
    return text.replace("\\n", "\n");
  }

  @Test
  @DisplayName("a semicolon inside literals, quoted names, dollar quotes and comments ends nothing")
  void lexer() {
    String query = """
        /* a /* nested */ comment; */ -- and; a line comment
        SELECT ';' AS "a;b", E'it\\'s;' AS e, $q$ ; $q$ AS d, $$;$$ AS dd, 'x''; y' AS q
        FROM readings;
        """;

    var submission = parse(query, null);

    assertThat(submission.query()).startsWith("SELECT ';'").endsWith("FROM readings");
  }

  @Test
  @DisplayName("index statements are split one by one, comments and blank statements left out")
  void indexes() {
    var submission = parse("TABLE readings", "-- by group\nCREATE INDEX ON readings (grp);;\n"
        + "create unique index if not exists r_id on readings (id) where (value > 0);\n");

    assertThat(submission.indexes()).containsExactly("CREATE INDEX ON readings (grp)",
        "create unique index if not exists r_id on readings (id) where (value > 0)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "DELETE FROM readings|query.sql:1: only a query (SELECT, WITH, VALUES or TABLE) is accepted, not DELETE FROM",
      "\\n\\n  update readings set value = 0|query.sql:3: only a query (SELECT, WITH, VALUES or TABLE) is accepted, not UPDATE READINGS",
      "SELECT 1; SELECT 2|query.sql:1: a second statement (SELECT); submit exactly one query",
      "SELECT 1;\\nSET statement_timeout = 0|query.sql:2: a second statement (SET STATEMENT_TIMEOUT); submit exactly one query",
      "-- nothing but a comment|query.sql: holds no statement; write the query there",
      "\\! id|query.sql:1: only a query (SELECT, WITH, VALUES or TABLE) is accepted, not '\\! id'",
  })
  @DisplayName("anything but one query is refused, saying where and what")
  void refusedQueries(String query, String message) {
    assertThatThrownBy(() -> parse(lines(query), null)).isInstanceOf(SqlSubmission.Rejected.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "DROP INDEX r_id|indexes.sql:1: only CREATE INDEX statements are accepted here, not DROP INDEX",
      "CREATE INDEX ON r (a);\\nCREATE TABLE t (a int)|indexes.sql:2: only CREATE INDEX statements are accepted here, not CREATE TABLE",
      "CREATE/**/FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql|indexes.sql:1: only CREATE INDEX statements are accepted here, not CREATE FUNCTION",
      "CREATE UNIQUE TABLE x|indexes.sql:1: only CREATE INDEX statements are accepted here, not CREATE UNIQUE",
  })
  @DisplayName("anything but CREATE INDEX in indexes.sql is refused")
  void refusedIndexes(String indexes, String message) {
    assertThatThrownBy(() -> parse("TABLE r", lines(indexes))).isInstanceOf(SqlSubmission.Rejected.class).hasMessage(message);
  }

  @Test
  @DisplayName("a carriage return ends a line comment, and $ goes on a name, as PostgreSQL reads them")
  void scannerEdges() {
    assertThatThrownBy(() -> parse("TABLE orders", "CREATE INDEX i ON orders (id) --\r; TRUNCATE orders"))
        .hasMessage("indexes.sql:1: only CREATE INDEX statements are accepted here, not TRUNCATE ORDERS");
    assertThatThrownBy(() -> parse("TABLE orders", "CREATE INDEX a$$x$ ON orders (id); TRUNCATE orders;"
        + " SELECT 1 AS b$$x$")).hasMessage("indexes.sql:1: only CREATE INDEX statements are accepted here, not"
        + " TRUNCATE ORDERS");
    assertThatThrownBy(() -> parse("SELECT 1 AS é$$; DROP TABLE orders; SELECT $$", null))
        .hasMessage("query.sql:1: a second statement (DROP TABLE); submit exactly one query");
    assertThat(parse("SELECT $tag$ ; $tag$ AS body", null).query()).isEqualTo("SELECT $tag$ ; $tag$ AS body");
  }

  @Test
  @DisplayName("files other than query.sql and indexes.sql are refused, and query.sql is required")
  void files() {
    assertThatThrownBy(() -> SqlSubmission.parse(Map.of("query.sql", "TABLE r", "setup.sql", "")))
        .hasMessage("a sql submission is query.sql and, if it creates indexes, indexes.sql; remove setup.sql");
    assertThatThrownBy(() -> SqlSubmission.parse(Map.of("indexes.sql", "")))
        .hasMessage("query.sql: missing; it holds the query");
    assertThatThrownBy(() -> parse("TABLE r", "CREATE INDEX ON r (a);".repeat(11)))
        .hasMessage("indexes.sql: 11 statements; at most 10 indexes are accepted");
  }
}
