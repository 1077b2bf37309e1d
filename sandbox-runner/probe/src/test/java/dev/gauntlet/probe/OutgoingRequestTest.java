package dev.gauntlet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A request with its captured values filled in")
class OutgoingRequestTest {
  private static final ObjectMapper JSON = ProbeJson.mapper();

  @Test
  @DisplayName("is written as HTTP/1.1 with its captured values, a length and a JSON content type")
  void http11() throws Exception {
    var variables = new Variables();
    variables.put("id", "a1");
    var call = new HttpCall("PUT", "/items/${id}?force=1", Map.of("If-Match", "\"${id}\""),
        JSON.readTree("{\"qty\":2}"), null);

    String sent = new String(OutgoingRequest.of(call, variables).http11("127.0.0.1:8080"), StandardCharsets.UTF_8);

    assertThat(sent).isEqualTo("PUT /items/a1?force=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nIf-Match: \"a1\"\r\n"
        + "Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"qty\":2}");
  }

  @Test
  @DisplayName("fails its step when a captured value would split a header")
  void capturedLineBreak() {
    var variables = new Variables();
    variables.put("etag", "x\r\nX-Injected: 1");
    var call = new HttpCall("GET", "/items", Map.of("If-None-Match", "${etag}"), null, null);

    assertThatThrownBy(() -> OutgoingRequest.of(call, variables)).isInstanceOf(StepFailure.class)
        .hasMessageContaining("If-None-Match").hasMessageContaining("line break");
  }

  @Test
  @DisplayName("leaves framing headers to the client and refuses names that are not tokens")
  void headerNames() {
    assertThatThrownBy(() -> new HttpCall("POST", "/a", Map.of("Transfer-Encoding", "chunked"), null, "x"))
        .hasMessageContaining("set by the client itself");
    assertThatThrownBy(() -> new HttpCall("GET", "/a", Map.of("Bad Name", "x"), null, null))
        .hasMessageContaining("not a valid header name");
  }
}
