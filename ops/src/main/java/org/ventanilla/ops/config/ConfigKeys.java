package org.ventanilla.ops.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.ops.config.ConfigKey.Presence;
import org.ventanilla.ops.config.Settings.DatabaseKind;
import org.ventanilla.ops.config.Settings.ForwardedHeader;
import org.ventanilla.ops.config.Settings.LogFormat;
import org.ventanilla.ops.config.Settings.LogLevel;
import org.ventanilla.ops.config.Settings.StateKind;
import org.ventanilla.ops.http.IpRange;

/**
 * The one table of configuration keys. The loader accepts exactly these keys (anything else is refused with the
 * list of known keys), validates them with their types, and {@code --help} documents them from this table.
 */
public final class ConfigKeys {

    /** The default H2 file database; with it (and database.kind=h2) the demo data is on by default. */
    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/ventanilla";

    public static final ConfigKey<String> NODE_ID = computed("node", "id",
            ValueTypes.text(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}"), "letters, digits, '.', '_' and '-', at most 63"),
            "<host name>-<4 random hex digits>",
            "This node's name in logs, metrics, leases and cluster events; unique among the nodes of one installation.");

    public static final ConfigKey<String> HTTP_HOST = key("http", "host", ValueTypes.host(), "0.0.0.0",
            "The interface the one HTTP server listens on.");
    public static final ConfigKey<Integer> HTTP_PORT = key("http", "port", ValueTypes.integer(1, 65535), "8080",
            "The TCP port of the one HTTP server: console, chat, Open311, /health and /metrics.");
    public static final ConfigKey<List<IpRange>> HTTP_TRUSTED_PROXIES = key("http", "trustedProxies", ValueTypes.ipRanges(), "",
            "Load balancers and reverse proxies whose forwarding headers are believed (empty: none, the peer address is the"
                    + " client). The client address is the right-most forwarded address that is not a trusted proxy."
                    + " In the environment: comma-separated.");
    public static final ConfigKey<ForwardedHeader> HTTP_FORWARDED_HEADER = key("http", "forwardedHeader",
            ValueTypes.oneOf(ForwardedHeader.class), "x-forwarded-for",
            "The header the trusted proxies set: x-forwarded-for (with X-Forwarded-Proto) or forwarded (RFC 7239)."
                    + " The other header is ignored, so that a client cannot forge it.");
    public static final ConfigKey<Integer> HTTP_SHUTDOWN_GRACE_SECONDS = key("http", "shutdownGraceSeconds", ValueTypes.integer(0, 600),
            "20", "On SIGTERM: how long in-flight requests may take to finish before the remaining connections are closed.");

    public static final ConfigKey<DatabaseKind> DATABASE_KIND = key("database", "kind", ValueTypes.oneOf(DatabaseKind.class), "h2",
            "Where records are stored: h2 (an embedded file, one node), postgres (several nodes) or memory (lost at exit; tests"
                    + " and trials).");
    public static final ConfigKey<String> DATABASE_URL = key("database", "url", ValueTypes.jdbcUrl(), DEFAULT_DATABASE_URL,
            "The JDBC URL: jdbc:h2:... for h2, jdbc:postgresql://host:5432/db for postgres (required then); unused for memory.");
    public static final ConfigKey<String> DATABASE_USER = key("database", "user",
            ValueTypes.text(Pattern.compile("\\S{1,128}"), "a user name without spaces, at most 128 characters"), "ventanilla",
            "The database user.");
    public static final ConfigKey<Secret> DATABASE_PASSWORD = secretKey("database", "password", ValueTypes.secret(), "",
            "The database password. Prefer the environment (VENTANILLA_DATABASE_PASSWORD) or a file readable only by the"
                    + " server's user (VENTANILLA_DATABASE_PASSWORD_FILE).");
    public static final ConfigKey<Integer> DATABASE_MAX_POOL_SIZE = key("database", "maxPoolSize",
            ValueTypes.integer(JdbcSettings.MIN_POOL_SIZE, JdbcSettings.MAX_POOL_SIZE), "10",
            "The most connections this node opens to the database.");

    public static final ConfigKey<StateKind> STATE_KIND = key("state", "kind", ValueTypes.oneOf(StateKind.class), "memory",
            "Where the live routing state (queues, agent presence), cluster events and leases live: memory (one node) or redis"
                    + " (shared by every node).");

    public static final ConfigKey<Secret> REDIS_URI = optionalSecret("redis", "uri", ValueTypes.redisUri(),
            "none; required when state.kind=redis",
            "The Redis server, as redis://[:password@]host:port[/db] or rediss:// for TLS. Secret: it may carry a password.");

    public static final ConfigKey<Path> ATTACHMENTS_DIRECTORY = key("attachments", "directory", ValueTypes.path(), "./data/attachments",
            "Where attachment files are kept (created when missing).");
    public static final ConfigKey<Long> ATTACHMENTS_MAX_BYTES = key("attachments", "maxBytes",
            ValueTypes.bytes(1, 1024L * 1024 * 1024), "10MiB", "The largest attachment accepted.");
    public static final ConfigKey<Integer> ATTACHMENTS_RETENTION_DAYS = key("attachments", "retentionDays",
            ValueTypes.integer(1, 36500), "365", "How many days attachments are kept.");
    public static final ConfigKey<HostPort> ATTACHMENTS_CLAMD = optional("attachments", "clamd", ValueTypes.hostPort(),
            "none: no virus scan", "The ClamAV daemon that scans every attachment, as host:port.");

    public static final ConfigKey<ZoneId> ENTITY_TIME_ZONE = key("entity", "timeZone", ValueTypes.zoneId(), "America/Bogota",
            "The administration's time zone: receipt dates, radicado years and terms are counted in it.");
    public static final ConfigKey<String> ENTITY_RADICADO_PREFIX = optional("entity", "radicadoPrefix",
            ValueTypes.text(Pattern.compile("[A-Z0-9]{1,10}"), "1 to 10 capital letters or digits"), "none: YYYY-NNNNNNN",
            "The prefix of filing numbers: PREFIX-YYYY-NNNNNNN.");

    public static final ConfigKey<LogFormat> LOG_FORMAT = key("log", "format", ValueTypes.oneOf(LogFormat.class), "json",
            "The format of log lines on stdout: json (one JSON object per line) or text (for people).");
    public static final ConfigKey<LogLevel> LOG_LEVEL = key("log", "level", ValueTypes.oneOf(LogLevel.class), "info",
            "The level of the root logger.");

    public static final ConfigKey<Boolean> DEMO_ENABLED = computed("demo", "enabled", ValueTypes.bool(),
            "true when database.kind=h2 with the default url, else false",
            "Loads demonstration data (catalog, agents, sample contacts) into an empty database, so a fresh clone shows a"
                    + " usable console.");

    public static final ConfigKey<List<String>> CHAT_ALLOWED_ORIGINS = key("chat", "allowedOrigins", ValueTypes.origins(), "",
            "The web sites allowed to open the chat widget's WebSocket besides Ventanilla's own pages, as origins"
                    + " (https://www.ciudad.gov.co). In the environment: comma-separated.");
    public static final ConfigKey<Integer> CHAT_IDLE_TIMEOUT_MINUTES = key("chat", "idleTimeoutMinutes", ValueTypes.integer(1, 240),
            "15", "A chat session with no activity for this long is closed.");
    public static final ConfigKey<Integer> CHAT_MAX_MESSAGE_CHARS = key("chat", "maxMessageChars", ValueTypes.integer(100, 20000),
            "2000", "The longest chat message accepted, in characters.");

    /** Every key, in the order of the documentation. */
    public static final List<ConfigKey<?>> ALL = List.of(
            NODE_ID,
            HTTP_HOST, HTTP_PORT, HTTP_TRUSTED_PROXIES, HTTP_FORWARDED_HEADER, HTTP_SHUTDOWN_GRACE_SECONDS,
            DATABASE_KIND, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_MAX_POOL_SIZE,
            STATE_KIND,
            REDIS_URI,
            ATTACHMENTS_DIRECTORY, ATTACHMENTS_MAX_BYTES, ATTACHMENTS_RETENTION_DAYS, ATTACHMENTS_CLAMD,
            ENTITY_TIME_ZONE, ENTITY_RADICADO_PREFIX,
            LOG_FORMAT, LOG_LEVEL,
            DEMO_ENABLED,
            CHAT_ALLOWED_ORIGINS, CHAT_IDLE_TIMEOUT_MINUTES, CHAT_MAX_MESSAGE_CHARS);

    private ConfigKeys() {
    }

    /** The sections, in the order of the documentation. */
    public static List<String> sections() {
        LinkedHashSet<String> sections = new LinkedHashSet<>();
        ALL.forEach(k -> sections.add(k.section()));
        return List.copyOf(sections);
    }

    /** The keys of one section, in the order of the documentation. */
    public static List<ConfigKey<?>> inSection(String section) {
        return ALL.stream().filter(k -> k.section().equals(section)).toList();
    }

    /** The key at {@code section.name}, if there is one. */
    public static Optional<ConfigKey<?>> find(String path) {
        return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
    }

    private static <T> ConfigKey<T> key(String section, String name, ValueType<T> type, String defaultValue, String help) {
        return new ConfigKey<>(section, name, type, Presence.DEFAULT, defaultValue, false, help);
    }

    private static <T> ConfigKey<T> secretKey(String section, String name, ValueType<T> type, String defaultValue, String help) {
        return new ConfigKey<>(section, name, type, Presence.DEFAULT, defaultValue, true, help);
    }

    private static <T> ConfigKey<T> optional(String section, String name, ValueType<T> type, String meaning, String help) {
        return new ConfigKey<>(section, name, type, Presence.OPTIONAL, meaning, false, help);
    }

    private static <T> ConfigKey<T> optionalSecret(String section, String name, ValueType<T> type, String meaning, String help) {
        return new ConfigKey<>(section, name, type, Presence.OPTIONAL, meaning, true, help);
    }

    private static <T> ConfigKey<T> computed(String section, String name, ValueType<T> type, String how, String help) {
        return new ConfigKey<>(section, name, type, Presence.COMPUTED, how, false, help);
    }
}
