package dev.gauntlet.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.platform.account.StaffRole;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Session tokens")
class SessionTokensTest {
  private static final String KEY = "k".repeat(40);

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private final Caller.Staff manager = new Caller.Staff("account-1", "org-1", StaffRole.MANAGER);

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("name the staff member or the candidate's attempt they were made for")
  void roundTrip() throws Exception {
    var tokens = SessionTokens.of(vertx, KEY, dataDir);
    var now = Instant.now();

    var staff = tokens.staff(manager, now);
    var candidate = tokens.candidate(new Caller.Candidate("attempt-7", 3), now, now.plus(Duration.ofMinutes(90)));

    assertThat(staff.expiresAt()).isEqualTo(now.plus(SessionTokens.STAFF_SESSION));
    assertThat(verify(tokens, staff.token())).hasValue(manager);
    assertThat(verify(tokens, candidate.token())).hasValue(new Caller.Candidate("attempt-7", 3));
  }

  @Test
  @DisplayName("made with another key, edited, expired, unsigned or of another issuer are refused")
  void refused() throws Exception {
    var tokens = SessionTokens.of(vertx, KEY, dataDir);
    var other = SessionTokens.of(vertx, "o".repeat(40), dataDir);
    var now = Instant.now();
    String good = tokens.staff(manager, now).token();
    String[] parts = good.split("\\.");
    var claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    long epoch = now.getEpochSecond();

    assertThat(verify(tokens, other.staff(manager, now).token())).isEmpty();
    assertThat(verify(tokens, parts[0] + "." + encode(claims.copy().put("role", "admin")) + "." + parts[2])).isEmpty();
    assertThat(verify(tokens, signed(claims.copy().put("iat", epoch - 7200).put("exp", epoch - 60)))).isEmpty();
    assertThat(verify(tokens, signed(claims.copy().put("iss", "someone-else")))).isEmpty();
    assertThat(verify(tokens, encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "."
        + encode(claims) + ".")).isEmpty();
    assertThat(verify(tokens, "not a token")).isEmpty();
    assertThat(verify(tokens, signed(claims.copy())))
        .as("a token signed the same way by hand passes, so the refusals above are about what they changed")
        .hasValue(manager);
  }

  @Test
  @DisplayName("are signed with a key made once in the data folder when none is configured")
  void keptKey() throws Exception {
    var first = SessionTokens.of(vertx, "", dataDir);
    String token = first.staff(manager, Instant.now()).token();
    Path file = dataDir.resolve(SessionTokens.KEY_FILE);

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(verify(SessionTokens.of(vertx, "", dataDir), token)).as("after a restart").hasValue(manager);
  }

  private static Optional<Caller> verify(SessionTokens tokens, String token) throws Exception {
    return tokens.verify(token).await(10, TimeUnit.SECONDS);
  }

  private static String signed(JsonObject claims) throws Exception {
    String body = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + encode(claims);
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String encode(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
