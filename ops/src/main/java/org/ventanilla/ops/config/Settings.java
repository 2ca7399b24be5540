package org.ventanilla.ops.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.ops.http.IpRange;

/**
 * The typed, validated configuration of one node, as {@link ConfigLoader} builds it from the key table in
 * {@link ConfigKeys}. Immutable; secrets print masked, so {@code toString()} is safe to log.
 */
public record Settings(
        Node node,
        Http http,
        Database database,
        State state,
        Redis redis,
        Attachments attachments,
        Entity entity,
        Log log,
        Demo demo,
        Chat chat) {

    public Settings {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(demo, "demo");
        if (state.kind() == StateKind.REDIS && redis.uri().isEmpty()) {
            throw new IllegalArgumentException("redis.uri is required when state.kind=redis");
        }
    }

    /** The same settings with another HTTP section (tests use port 0, any free port). */
    public Settings withHttp(Http newHttp) {
        return new Settings(node, newHttp, database, state, redis, attachments, entity, log, demo, chat);
    }

    /** The same settings with another database section. */
    public Settings withDatabase(Database newDatabase) {
        return new Settings(node, http, newDatabase, state, redis, attachments, entity, log, demo, chat);
    }

    /** The same settings with another live-state choice and Redis section. */
    public Settings withState(State newState, Redis newRedis) {
        return new Settings(node, http, database, newState, newRedis, attachments, entity, log, demo, chat);
    }

    /** {@code node.*}. */
    public record Node(String id) {
        public Node {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * {@code http.*}. Port 0 (any free port) is refused by the loader but allowed here, for tests.
     */
    public record Http(String host, int port, List<IpRange> trustedProxies, ForwardedHeader forwardedHeader, Duration shutdownGrace) {
        public Http {
            Objects.requireNonNull(host, "host");
            trustedProxies = List.copyOf(trustedProxies);
            Objects.requireNonNull(forwardedHeader, "forwardedHeader");
            Objects.requireNonNull(shutdownGrace, "shutdownGrace");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http.port " + port + " is not allowed (0-65535)");
            }
            if (shutdownGrace.isNegative()) {
                throw new IllegalArgumentException("http.shutdownGraceSeconds " + shutdownGrace.toSeconds() + " is not allowed (>= 0)");
            }
        }

        /** The same section with another port. */
        public Http withPort(int newPort) {
            return new Http(host, newPort, trustedProxies, forwardedHeader, shutdownGrace);
        }
    }

    /** {@code database.*}; the URL prints with its passwords masked and the password as {@link Secret#MASK}. */
    public record Database(DatabaseKind kind, String url, String user, Secret password, int maxPoolSize) {
        public Database {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (maxPoolSize < 2) {
                throw new IllegalArgumentException("database.maxPoolSize " + maxPoolSize + " is not allowed (>= 2)");
            }
        }

        @Override
        public String toString() {
            return "Database[kind=" + ValueTypes.configName(kind) + ", url=" + UrlMasking.mask(url) + ", user=" + user
                    + ", password=" + password + ", maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /** {@code state.*}: where the live routing state lives. */
    public record State(StateKind kind) {
        public State {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code redis.*}; the URI is a secret (it may carry a password) and prints masked. */
    public record Redis(Optional<Secret> uri) {
        public Redis {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public String toString() {
            return "Redis[uri=" + uri.map(u -> UrlMasking.mask(u.reveal())).orElse("") + "]";
        }
    }

    /** {@code attachments.*}. */
    public record Attachments(Path directory, long maxBytes, int retentionDays, Optional<HostPort> clamd) {
        public Attachments {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(clamd, "clamd");
            if (maxBytes < 1) {
                throw new IllegalArgumentException("attachments.maxBytes " + maxBytes + " is not allowed (>= 1)");
            }
            if (retentionDays < 1) {
                throw new IllegalArgumentException("attachments.retentionDays " + retentionDays + " is not allowed (>= 1)");
            }
        }
    }

    /** {@code entity.*}: the administration running this node. */
    public record Entity(ZoneId timeZone, Optional<String> radicadoPrefix) {
        public Entity {
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(radicadoPrefix, "radicadoPrefix");
        }
    }

    /** {@code log.*}. */
    public record Log(LogFormat format, LogLevel level) {
        public Log {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(level, "level");
        }
    }

    /** {@code demo.*}. */
    public record Demo(boolean enabled) {
    }

    /** The web chat: the sites allowed to embed the widget, the idle timeout and the longest message. */
    public record Chat(List<String> allowedOrigins, Duration idleTimeout, int maxMessageChars) {
        public Chat {
            allowedOrigins = List.copyOf(allowedOrigins);
            Objects.requireNonNull(idleTimeout, "idleTimeout");
        }
    }

    /** Where records are stored. */
    public enum DatabaseKind {
        H2, POSTGRES, MEMORY
    }

    /** Where the live routing state (queues, agent presence) lives. */
    public enum StateKind {
        MEMORY, REDIS
    }

    /** The log line format on stdout. */
    public enum LogFormat {
        JSON, TEXT
    }

    /** The root log level. */
    public enum LogLevel {
        TRACE, DEBUG, INFO, WARN, ERROR
    }

    /** The forwarding header the trusted proxies set; the other one is ignored, so clients cannot forge it. */
    public enum ForwardedHeader {
        X_FORWARDED_FOR, FORWARDED
    }
}
