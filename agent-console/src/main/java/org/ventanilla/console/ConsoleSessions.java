package org.ventanilla.console;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.UserDirectory;

/**
 * Console sign-in sessions: a password checked by the user directory gives an unguessable token (32 random bytes)
 * that the console's pages and the agent's chat WebSocket present. Only the SHA-256 of a token is stored, in the
 * records port, so a session is valid on every node and survives a restart until it expires or is signed out.
 * Blocking (records port): call off the event loop.
 */
public final class ConsoleSessions {

    static final String KIND = "console-session";
    /** How long a session lasts without being renewed. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(10);

    private final RecordStore store;
    private final UserDirectory users;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public ConsoleSessions(RecordStore store, UserDirectory users, Clock clock, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** A new session for a user whose password is right and who may sign in; empty otherwise (no reason given). */
    public Optional<Session> signIn(String username, char[] password) {
        if (username == null || username.isBlank() || username.length() > 128 || password == null || password.length > 1024) {
            return Optional.empty();
        }
        return users.authenticate(username.strip(), password).map(user -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant expires = clock.instant().plus(ttl);
            store.inTransaction(tx -> tx.insert(KIND, digest(token), new JsonObject().put("userId", user.id())
                    .put("expiresAt", expires.toString()).encode()));
            return new Session(token, user, expires);
        });
    }

    /** The signed-in user of a token, when the session exists, has not expired and the user may still sign in. */
    public Optional<User> userOf(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return store.inTransaction(tx -> tx.get(KIND, digest(token)))
                .map(r -> new JsonObject(r.json()))
                .filter(o -> Instant.parse(o.getString("expiresAt")).isAfter(clock.instant()))
                .flatMap(o -> users.findById(o.getString("userId")))
                .filter(User::canSignIn);
    }

    /** Ends a session (no-op for an unknown token). */
    public void signOut(String token) {
        if (token == null || token.length() > 100) {
            return;
        }
        String id = digest(token);
        store.inTransaction(tx -> tx.get(KIND, id).map(r -> tx.update(KIND, id, r.version(),
                new JsonObject(r.json()).put("expiresAt", Instant.EPOCH.toString()).encode())));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A signed-in session. The token is a secret: never log it. */
    public record Session(String token, User user, Instant expiresAt) {
        @Override
        public String toString() {
            return "Session[" + user.username() + ", until " + expiresAt + "]";
        }
    }
}
