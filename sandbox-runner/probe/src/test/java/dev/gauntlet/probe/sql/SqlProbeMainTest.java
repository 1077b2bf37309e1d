package dev.gauntlet.probe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SQL probe")
class SqlProbeMainTest {
  @Test
  @DisplayName("sends only text the driver keeps whole: one statement, whatever semicolons it quotes")
  void oneStatement() {
    assertThat(SqlProbeMain.isOneStatement("SELECT ';' AS a, $$;$$ AS b -- ;")).isTrue();
    assertThat(SqlProbeMain.isOneStatement("CREATE INDEX i ON t (a);")).isTrue();
    assertThat(SqlProbeMain.isOneStatement("CREATE INDEX i ON t (a); TRUNCATE t")).isFalse();
    assertThat(SqlProbeMain.isOneStatement("SELECT 1 --\r; DROP TABLE t")).isFalse();
  }

  @Test
  @DisplayName("counts a value as the bytes it takes in the report")
  void jsonBytes() {
    assertThat(SqlProbeMain.jsonBytes("abc")).isEqualTo(3);
    assertThat(SqlProbeMain.jsonBytes("\"\\")).isEqualTo(4);
    assertThat(SqlProbeMain.jsonBytes("\u0000é€")).isEqualTo(6 + 2 + 3);
  }
}
