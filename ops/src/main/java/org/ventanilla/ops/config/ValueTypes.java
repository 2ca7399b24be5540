package org.ventanilla.ops.config;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ventanilla.ops.http.IpRange;

/** The value types of the configuration keys; each refuses what it cannot use with an {@link InvalidValueException}. */
public final class ValueTypes {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final Pattern BYTES = Pattern.compile("(\\d{1,13})\\s*(B|KiB|MiB|GiB)?");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]+):(\\d{1,5})");

    private ValueTypes() {
    }

    /** An integer between {@code min} and {@code max} (inclusive). */
    public static ValueType<Integer> integer(int min, int max) {
        return ValueType.of(min + "-" + max, raw -> {
            long value = wholeNumber(raw);
            if (value < min || value > max) {
                throw new InvalidValueException(raw);
            }
            return (int) value;
        });
    }

    /** A size in bytes: a plain number or a number with B, KiB, MiB or GiB ({@code 10MiB}). */
    public static ValueType<Long> bytes(long min, long max) {
        return ValueType.of("a size from " + humanBytes(min) + " to " + humanBytes(max) + ", in bytes or with KiB, MiB or GiB (10MiB)",
                raw -> {
                    long value = raw instanceof Number ? wholeNumber(raw) : parseBytes(raw);
                    if (value < min || value > max) {
                        throw new InvalidValueException(raw);
                    }
                    return value;
                });
    }

    /** true or false. */
    public static ValueType<Boolean> bool() {
        return ValueType.of("true, false", raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
            if (text.equals("true")) {
                return true;
            }
            if (text.equals("false")) {
                return false;
            }
            throw new InvalidValueException(raw);
        });
    }

    /** One of the constants of {@code type}, written in lower case with '-' for '_' ({@code x-forwarded-for}). */
    public static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(ValueTypes::configName).collect(Collectors.joining(", "));
        return ValueType.of(allowed, raw -> {
            String text = String.valueOf(raw).trim();
            for (E constant : constants) {
                if (configName(constant).equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new InvalidValueException(raw);
        });
    }

    /** How an enum constant is written in the configuration: {@code X_FORWARDED_FOR} is {@code x-forwarded-for}. */
    public static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Text matching {@code pattern} entirely. */
    public static ValueType<String> text(Pattern pattern, String allowed) {
        return ValueType.of(allowed, raw -> {
            if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
                throw new InvalidValueException(raw);
            }
            String text = String.valueOf(raw).trim();
            if (!pattern.matcher(text).matches()) {
                throw new InvalidValueException(raw);
            }
            return text;
        });
    }

    /** A host name or a literal IPv4 or IPv6 address (no port). */
    public static ValueType<String> host() {
        return ValueType.of("a host name or an IP address (0.0.0.0 listens on every interface)", raw -> {
            String text = String.valueOf(raw).trim();
            if (HOST_NAME.matcher(text).matches() || IpRange.parseAddress(text).isPresent()) {
                return text;
            }
            throw new InvalidValueException(raw);
        });
    }

    /** {@code host:port}, IPv6 hosts in brackets. */
    public static ValueType<HostPort> hostPort() {
        return ValueType.of("host:port, e.g. clamd.internal:3310 or [::1]:3310", raw -> {
            Matcher m = HOST_AND_PORT.matcher(String.valueOf(raw).trim());
            if (!m.matches()) {
                throw new InvalidValueException(raw);
            }
            String host = m.group(1);
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = Integer.parseInt(m.group(2));
            boolean validHost = HOST_NAME.matcher(host).matches() || IpRange.parseAddress(host).isPresent();
            if (!validHost || port < 1 || port > 65535) {
                throw new InvalidValueException(raw);
            }
            return new HostPort(host, port);
        });
    }

    /** A list of web origins (scheme://host[:port], no path): a YAML/JSON list, or one comma-separated text. */
    public static ValueType<List<String>> origins() {
        return ValueType.of("a list of origins such as https://www.ciudad.gov.co or http://localhost:3000 (no path)", raw -> {
            List<Object> items = listItems(raw);
            List<String> origins = new ArrayList<>();
            for (Object item : items) {
                if (item == null || item instanceof List<?> || item instanceof Map<?, ?>
                        || !ORIGIN.matcher(String.valueOf(item)).matches()) {
                    throw new InvalidValueException(item);
                }
                origins.add(String.valueOf(item).toLowerCase(Locale.ROOT));
            }
            return List.copyOf(origins);
        });
    }

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    /** The items of a list value: a YAML/JSON list as it is, or a comma-separated text (environment) split and trimmed. */
    private static List<Object> listItems(Object raw) {
        List<Object> items = new ArrayList<>();
        if (raw instanceof List<?> list) {
            items.addAll(list);
        } else {
            for (String part : String.valueOf(raw).split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    /** A list of IP addresses or CIDR blocks: a YAML/JSON list, or one comma-separated text (environment). */
    public static ValueType<List<IpRange>> ipRanges() {
        return ValueType.of("a list of IPv4 or IPv6 addresses or CIDR blocks, e.g. [10.0.0.0/8, 192.0.2.7, \"2001:db8::/32\"]", raw -> {
            List<Object> items = listItems(raw);
            List<IpRange> ranges = new ArrayList<>();
            for (Object item : items) {
                if (item == null || item instanceof List<?> || item instanceof Map<?, ?>) {
                    throw new InvalidValueException(item);
                }
                try {
                    ranges.add(IpRange.parse(String.valueOf(item)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException(item);
                }
            }
            return List.copyOf(ranges);
        });
    }

    /** An IANA time-zone id ({@code America/Bogota}). */
    public static ValueType<ZoneId> zoneId() {
        return ValueType.of("an IANA time-zone id, e.g. America/Bogota, Europe/Madrid, UTC", raw -> {
            String text = String.valueOf(raw).trim();
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new InvalidValueException(raw);
            }
        });
    }

    /** A file-system path (relative paths are relative to the working directory). */
    public static ValueType<Path> path() {
        return ValueType.of("a directory path", raw -> {
            String text = String.valueOf(raw).trim();
            if (text.isEmpty()) {
                throw new InvalidValueException(raw);
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new InvalidValueException(raw);
            }
        });
    }

    /** A JDBC URL; shown with its passwords masked. */
    public static ValueType<String> jdbcUrl() {
        return ValueType.of("a JDBC URL (jdbc:h2:... or jdbc:postgresql://host:5432/db)", raw -> {
            String text = String.valueOf(raw).trim();
            if (!text.startsWith("jdbc:") || text.length() < 8) {
                throw new InvalidValueException(raw);
            }
            return text;
        }, raw -> ValueType.render(UrlMasking.mask(String.valueOf(raw))));
    }

    /** Any text, kept secret: never shown. */
    public static ValueType<Secret> secret() {
        return ValueType.of("any text (kept secret, never printed)", raw -> {
            if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
                throw new InvalidValueException(raw);
            }
            return Secret.of(String.valueOf(raw));
        }, raw -> Secret.MASK);
    }

    /** A {@code redis://} or {@code rediss://} URI, which may carry a password: kept secret, shown masked. */
    public static ValueType<Secret> redisUri() {
        return ValueType.of("a redis:// or rediss:// URI, e.g. redis://:password@redis.internal:6379/0", raw -> {
            String text = String.valueOf(raw).trim();
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme();
                boolean redisScheme = "redis".equalsIgnoreCase(scheme) || "rediss".equalsIgnoreCase(scheme);
                if (!redisScheme || uri.getHost() == null || uri.getPort() > 65535) {
                    throw new InvalidValueException(raw);
                }
            } catch (URISyntaxException e) {
                throw new InvalidValueException(raw);
            }
            return Secret.of(text);
        }, raw -> ValueType.render(UrlMasking.mask(String.valueOf(raw))));
    }

    private static long wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof BigInteger) {
            BigInteger big = new BigInteger(raw.toString());
            if (big.bitLength() > 62) {
                throw new InvalidValueException(raw);
            }
            return big.longValue();
        }
        if (raw instanceof Number) {
            // 8080.5 or 1e3: not a whole number as written
            throw new InvalidValueException(raw);
        }
        String text = String.valueOf(raw).trim();
        if (!text.matches("-?\\d{1,18}")) {
            throw new InvalidValueException(raw);
        }
        return Long.parseLong(text);
    }

    private static long parseBytes(Object raw) {
        Matcher m = BYTES.matcher(String.valueOf(raw).trim());
        if (!m.matches()) {
            throw new InvalidValueException(raw);
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit) {
            case "KiB" -> 1024L;
            case "MiB" -> 1024L * 1024;
            case "GiB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (number > Long.MAX_VALUE / factor) {
            throw new InvalidValueException(raw);
        }
        return number * factor;
    }

    /** {@code 10485760} is {@code 10MiB}; sizes that are not whole units stay in bytes. */
    public static String humanBytes(long bytes) {
        long gib = 1024L * 1024 * 1024;
        if (bytes >= gib && bytes % gib == 0) {
            return bytes / gib + "GiB";
        }
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return bytes + "B";
    }
}
