package org.ventanilla.ops.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ventanilla.ops.config.ConfigKey.Presence;
import org.ventanilla.ops.config.Settings.DatabaseKind;
import org.ventanilla.ops.config.Settings.ForwardedHeader;
import org.ventanilla.ops.config.Settings.LogFormat;
import org.ventanilla.ops.config.Settings.LogLevel;
import org.ventanilla.ops.config.Settings.StateKind;
import org.ventanilla.ops.http.IpRange;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds {@link Settings} from embedded defaults, one optional YAML or JSON file ({@code .json} is read as JSON,
 * anything else as YAML) and environment overrides ({@code VENTANILLA_<SECTION>_<KEY>}, which win over the file;
 * secrets also from {@code VENTANILLA_<SECTION>_<KEY>_FILE}). Every key is checked against {@link ConfigKeys}; all
 * problems are reported together in one {@link ConfigException}. Secret values never appear in a message.
 */
public final class ConfigLoader {

    private static final String ENV_PREFIX = "VENTANILLA_";
    private static final String FILE_SUFFIX = "_FILE";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private ConfigLoader() {
    }

    /** The settings of a node started with no file and no environment: the embedded defaults. */
    public static Settings defaults() {
        return load(Optional.empty(), Map.of());
    }

    /**
     * Loads, merges and validates.
     *
     * @param file the configuration file, if one was given
     * @param env the environment (normally {@code System.getenv()})
     * @throws ConfigException naming every problem found
     */
    public static Settings load(Optional<Path> file, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, RawValue> raw = new LinkedHashMap<>();
        if (file.isPresent()) {
            Object document = readFile(file.get());
            collectFileValues(document, file.get(), raw, problems);
        }
        collectEnvironmentValues(env, raw, problems);
        Resolver resolver = new Resolver(raw, problems);
        Settings settings = resolver.resolve(env);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return settings;
    }

    /** The parsed document of a YAML or JSON file (maps, lists, scalars), or a {@link ConfigException}. */
    static Object readFile(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigException("config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        boolean json = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return json ? parseJson(text, file) : parseYaml(text, file);
    }

    private static Object parseYaml(String text, Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1024 * 1024);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new ConfigException("config file " + file + " is not valid YAML" + where + ": " + sanitize(e.getProblem()));
        } catch (YAMLException e) {
            // messages of unmarked YAML errors may quote the document: never show them
            throw new ConfigException("config file " + file + " is not valid YAML (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Object parseJson(String text, Path file) {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Object value = readJsonValue(parser, first);
            if (parser.nextToken() != null) {
                throw new ConfigException("config file " + file + " is not valid JSON at line "
                        + parser.currentLocation().getLineNr() + ": more content after the end of the document");
            }
            return value;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException("config file " + file + " is not valid JSON" + where + ": " + sanitize(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Object readJsonValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (map.containsKey(name)) {
                        throw new ConfigException("config file has a duplicate key '" + name + "' at line "
                                + parser.currentLocation().getLineNr());
                    }
                    map.put(name, readJsonValue(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(readJsonValue(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new ConfigException("config file has an unexpected JSON token " + token + " at line "
                        + parser.currentLocation().getLineNr());
        }
    }

    /** Parser messages may quote the document (and so a secret): keep only quoted punctuation and JSON literals. */
    private static String sanitize(String message) {
        if (message == null) {
            return "unreadable";
        }
        String firstLine = message.lines().findFirst().orElse("").trim();
        Matcher m = QUOTED.matcher(firstLine);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String quoted = m.group(1);
            boolean harmless = quoted.length() <= 1 || quoted.equals("null") || quoted.equals("true") || quoted.equals("false");
            m.appendReplacement(out, Matcher.quoteReplacement(harmless ? m.group() : "'…'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void collectFileValues(Object document, Path file, Map<String, RawValue> raw, List<String> problems) {
        if (document == null) {
            return;
        }
        if (!(document instanceof Map<?, ?> sections)) {
            problems.add("config file " + file + ": the top level must be a mapping of sections (known: "
                    + String.join(", ", ConfigKeys.sections()) + ")");
            return;
        }
        String source = "config file " + file;
        for (Map.Entry<?, ?> section : sections.entrySet()) {
            String sectionName = String.valueOf(section.getKey());
            if (!ConfigKeys.sections().contains(sectionName)) {
                problems.add("unknown key '" + sectionName + "' (known: " + String.join(", ", ConfigKeys.sections()) + ")");
                continue;
            }
            List<String> known = ConfigKeys.inSection(sectionName).stream().map(ConfigKey::name).toList();
            if (section.getValue() == null) {
                continue;
            }
            if (!(section.getValue() instanceof Map<?, ?> keys)) {
                problems.add(sectionName + ": must be a mapping of keys (known: " + String.join(", ", known) + ")");
                continue;
            }
            for (Map.Entry<?, ?> key : keys.entrySet()) {
                String keyName = String.valueOf(key.getKey());
                if (!known.contains(keyName)) {
                    problems.add("unknown key '" + sectionName + "." + keyName + "' (known: " + String.join(", ", known) + ")");
                } else if (key.getValue() != null) {
                    raw.put(sectionName + "." + keyName, new RawValue(key.getValue(), source));
                }
            }
        }
    }

    private static void collectEnvironmentValues(Map<String, String> env, Map<String, RawValue> raw, List<String> problems) {
        Map<String, ConfigKey<?>> byEnv = ConfigKeys.ALL.stream().collect(Collectors.toMap(ConfigKey::envName, k -> k));
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(ENV_PREFIX) || e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            ConfigKey<?> key = byEnv.get(name);
            if (key != null) {
                raw.put(key.path(), new RawValue(e.getValue(), "environment variable " + name));
                continue;
            }
            if (name.endsWith(FILE_SUFFIX)) {
                ConfigKey<?> secret = byEnv.get(name.substring(0, name.length() - FILE_SUFFIX.length()));
                if (secret != null && secret.secret()) {
                    readSecretFile(secret, name, e.getValue(), env, raw, problems);
                    continue;
                }
            }
            Optional<String> section = ConfigKeys.sections().stream()
                    .filter(s -> name.startsWith(ENV_PREFIX + s.toUpperCase(Locale.ROOT) + "_"))
                    .findFirst();
            if (section.isPresent()) {
                String known = ConfigKeys.inSection(section.get()).stream().map(ConfigKey::envName).collect(Collectors.joining(", "));
                problems.add("unknown environment variable " + name + " (known: " + known + ")");
            }
            // other VENTANILLA_* variables (VENTANILLA_TEST_PG_URL...) belong to tools, not to the server
        }
    }

    private static void readSecretFile(ConfigKey<?> key, String variable, String fileName, Map<String, String> env,
            Map<String, RawValue> raw, List<String> problems) {
        String direct = env.get(key.envName());
        if (direct != null && !direct.isEmpty()) {
            problems.add(key.path() + ": set either " + key.envName() + " or " + variable + ", not both");
            return;
        }
        try {
            String content = Files.readString(Path.of(fileName), StandardCharsets.UTF_8);
            raw.put(key.path(), new RawValue(content.strip(), "file named by " + variable));
        } catch (IOException | RuntimeException e) {
            problems.add(key.path() + ": the file named by " + variable + " cannot be read (" + fileName + ": "
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A value as written, and where it was written (for messages). */
    private record RawValue(Object value, String source) {
    }

    /** Turns raw values into typed ones, collecting every problem. */
    private static final class Resolver {

        private final Map<String, RawValue> raw;
        private final List<String> problems;
        private boolean valid = true;

        Resolver(Map<String, RawValue> raw, List<String> problems) {
            this.raw = raw;
            this.problems = problems;
        }

        Settings resolve(Map<String, String> env) {
            String nodeId = optional(ConfigKeys.NODE_ID).orElseGet(() -> defaultNodeId(env));
            String httpHost = value(ConfigKeys.HTTP_HOST);
            Integer httpPort = value(ConfigKeys.HTTP_PORT);
            List<IpRange> trustedProxies = value(ConfigKeys.HTTP_TRUSTED_PROXIES);
            ForwardedHeader forwardedHeader = value(ConfigKeys.HTTP_FORWARDED_HEADER);
            Integer graceSeconds = value(ConfigKeys.HTTP_SHUTDOWN_GRACE_SECONDS);
            DatabaseKind databaseKind = value(ConfigKeys.DATABASE_KIND);
            String databaseUrl = value(ConfigKeys.DATABASE_URL);
            String databaseUser = value(ConfigKeys.DATABASE_USER);
            Secret databasePassword = value(ConfigKeys.DATABASE_PASSWORD);
            Integer maxPoolSize = value(ConfigKeys.DATABASE_MAX_POOL_SIZE);
            checkDatabaseUrl(databaseKind, databaseUrl);
            StateKind stateKind = value(ConfigKeys.STATE_KIND);
            Optional<Secret> redisUri = optional(ConfigKeys.REDIS_URI);
            if (stateKind == StateKind.REDIS && !raw.containsKey(ConfigKeys.REDIS_URI.path())) {
                fail(ConfigKeys.REDIS_URI.path() + ": required when state.kind=redis (" + ConfigKeys.REDIS_URI.type().allowed() + ")");
            }
            Path attachmentsDirectory = value(ConfigKeys.ATTACHMENTS_DIRECTORY);
            Long attachmentsMaxBytes = value(ConfigKeys.ATTACHMENTS_MAX_BYTES);
            Integer retentionDays = value(ConfigKeys.ATTACHMENTS_RETENTION_DAYS);
            Optional<HostPort> clamd = optional(ConfigKeys.ATTACHMENTS_CLAMD);
            ZoneId timeZone = value(ConfigKeys.ENTITY_TIME_ZONE);
            Optional<String> radicadoPrefix = optional(ConfigKeys.ENTITY_RADICADO_PREFIX);
            LogFormat logFormat = value(ConfigKeys.LOG_FORMAT);
            LogLevel logLevel = value(ConfigKeys.LOG_LEVEL);
            boolean demoByDefault = databaseKind == DatabaseKind.H2 && ConfigKeys.DEFAULT_DATABASE_URL.equals(databaseUrl);
            Optional<Boolean> demoEnabled = optional(ConfigKeys.DEMO_ENABLED);
            List<String> chatOrigins = value(ConfigKeys.CHAT_ALLOWED_ORIGINS);
            Integer chatIdleMinutes = value(ConfigKeys.CHAT_IDLE_TIMEOUT_MINUTES);
            Integer chatMaxChars = value(ConfigKeys.CHAT_MAX_MESSAGE_CHARS);
            if (!valid) {
                return null;
            }
            return new Settings(
                    new Settings.Node(nodeId),
                    new Settings.Http(httpHost, httpPort, trustedProxies, forwardedHeader, Duration.ofSeconds(graceSeconds)),
                    new Settings.Database(databaseKind, databaseUrl, databaseUser, databasePassword, maxPoolSize),
                    new Settings.State(stateKind),
                    new Settings.Redis(redisUri),
                    new Settings.Attachments(attachmentsDirectory, attachmentsMaxBytes, retentionDays, clamd),
                    new Settings.Entity(timeZone, radicadoPrefix),
                    new Settings.Log(logFormat, logLevel),
                    new Settings.Demo(demoEnabled.orElse(demoByDefault)),
                    new Settings.Chat(chatOrigins, Duration.ofMinutes(chatIdleMinutes), chatMaxChars));
        }

        private void checkDatabaseUrl(DatabaseKind kind, String url) {
            if (kind == null || url == null) {
                return;
            }
            ConfigKey<String> key = ConfigKeys.DATABASE_URL;
            RawValue given = raw.get(key.path());
            String expected = switch (kind) {
                case H2 -> "jdbc:h2:";
                case POSTGRES -> "jdbc:postgresql:";
                case MEMORY -> null;
                default -> throw new IllegalStateException("unhandled database kind " + kind);
            };
            if (expected == null || url.startsWith(expected)) {
                return;
            }
            String kindName = ValueTypes.configName(kind);
            if (given == null) {
                fail(key.path() + ": required when database.kind=" + kindName + " (a " + expected + " URL, e.g."
                        + " jdbc:postgresql://db.internal:5432/ventanilla)");
            } else {
                fail(key.path() + ": " + key.display(given.value()) + " is not allowed with database.kind=" + kindName
                        + " (a " + expected + " URL)" + from(given));
            }
        }

        /** The value of a key with a default; {@code null} (with a problem recorded) when the given value is refused. */
        private <T> T value(ConfigKey<T> key) {
            if (key.presence() != Presence.DEFAULT) {
                throw new IllegalStateException(key.path() + " has no default");
            }
            RawValue given = raw.get(key.path());
            if (given == null) {
                return key.type().parse(key.defaultValue());
            }
            return parse(key, given).orElse(null);
        }

        private <T> Optional<T> optional(ConfigKey<T> key) {
            RawValue given = raw.get(key.path());
            return given == null ? Optional.empty() : parse(key, given);
        }

        private <T> Optional<T> parse(ConfigKey<T> key, RawValue given) {
            try {
                return Optional.of(key.type().parse(given.value()));
            } catch (InvalidValueException e) {
                String shown = key.display(e.offending());
                fail(key.path() + ": " + shown + " is not allowed (" + key.type().allowed() + ")" + from(given));
                return Optional.empty();
            }
        }

        private static String from(RawValue given) {
            return given.source().startsWith("environment") || given.source().startsWith("file named")
                    ? " [from " + given.source() + "]" : "";
        }

        private void fail(String problem) {
            valid = false;
            problems.add(problem);
        }
    }

    /** {@code <host name>-<4 random hex digits>}, the host name reduced to the characters node.id allows. */
    static String defaultNodeId(Map<String, String> env) {
        String host = env.getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "node";
            }
        }
        String cleaned = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (cleaned.isEmpty()) {
            cleaned = "node";
        }
        if (cleaned.length() > 58) {
            cleaned = cleaned.substring(0, 58);
        }
        return cleaned + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
