package dev.gauntlet.platform.auth;

import dev.gauntlet.platform.account.StaffRole;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions as JWTs signed with HMAC-SHA256, so that any platform process holding the key can check
 * one without a lookup. Staff sessions last a working day; a candidate's ends with the attempt.
 */
public final class SessionTokens {
  public static final String KEY_FILE = "session-key";
  /** A key shorter than this is refused: HS256 wants at least 256 bits. */
  public static final int MIN_KEY_LENGTH = 32;
  public static final Duration STAFF_SESSION = Duration.ofHours(8);
  private static final String ISSUER = "gauntlet";
  private static final String KIND = "kind";
  private static final int LEEWAY_SECONDS = 5;

  private final JWTAuth jwt;

  private SessionTokens(JWTAuth jwt) {
    this.jwt = jwt;
  }

  /**
   * Signs with the configured key when it is not blank (every platform of a cluster needs the same
   * one), else with one made once and kept in the data folder.
   */
  public static SessionTokens of(Vertx vertx, String configuredKey, Path dataDir) {
    String key = configuredKey.isBlank()
        ? KeptSecret.readOrMake(dataDir.resolve(KEY_FILE), 32, MIN_KEY_LENGTH, "session key")
        : configuredKey.strip();
    var options = new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key))
        // Platforms' clocks differ a little: a token signed on one must not look issued in the future on another.
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setLeeway(LEEWAY_SECONDS));
    return new SessionTokens(JWTAuth.create(vertx, options));
  }

  public Session staff(Caller.Staff staff, Instant now) {
    var claims = new JsonObject().put("sub", staff.accountId()).put(KIND, "staff")
        .put("org", staff.organisationId()).put("role", staff.role().id());
    return sign(claims, now, now.plus(STAFF_SESSION));
  }

  public Session candidate(Caller.Candidate candidate, Instant now, Instant expiresAt) {
    var claims = new JsonObject().put("sub", candidate.attemptId()).put(KIND, "candidate")
        .put("gen", candidate.linkGeneration());
    return sign(claims, now, expiresAt);
  }

  private Session sign(JsonObject claims, Instant now, Instant expiresAt) {
    // Whole seconds, rounded up, and never none: JWT times are in seconds.
    long seconds = Math.max(1, Duration.between(now, expiresAt).plusMillis(999).toSeconds());
    String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER)
        .setExpiresInSeconds((int) Math.min(Integer.MAX_VALUE, seconds)));
    return new Session(token, now.plusSeconds(seconds));
  }

  /** The caller a token names, or empty when it is forged, expired or not one of ours. */
  public Future<Optional<Caller>> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .map(user -> read(user.principal()))
        .otherwise(Optional.empty());
  }

  private static Optional<Caller> read(JsonObject claims) {
    String subject = claims.getString("sub");
    if (subject == null) {
      return Optional.empty();
    }
    return switch (claims.getString(KIND, "")) {
      case "staff" -> StaffRole.byId(claims.getString("role", "")).map(role ->
          new Caller.Staff(subject, claims.getString("org"), role));
      case "candidate" -> Optional.of(new Caller.Candidate(subject, claims.getInteger("gen", -1)));
      default -> Optional.empty();
    };
  }
}
