package org.ventanilla.ops.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key of the table in {@link ConfigKeys}: where it lives ({@code section.name}), its type, its
 * default, its environment variable and its documentation. The loader, the validator and {@code --help} all read
 * the same instances, so the documentation cannot drift from what is accepted. A {@code secret} key is never
 * printed (its type masks it) and may also be read from the file named by {@code <ENV>_FILE}.
 *
 * @param <T> the typed value
 */
public record ConfigKey<T>(
        String section, String name, ValueType<T> type, Presence presence, String defaultValue, boolean secret, String help) {

    /** How a key that is not set gets its value. */
    public enum Presence {
        /** Parsed from {@link ConfigKey#defaultValue()}. */
        DEFAULT,
        /** Absent (an empty {@code Optional}); {@code defaultValue} says what that means. */
        OPTIONAL,
        /** Computed by the loader from other values; {@code defaultValue} says how. */
        COMPUTED
    }

    public ConfigKey {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(help, "help");
    }

    /** {@code http.port}. */
    public String path() {
        return section + "." + name;
    }

    /** {@code VENTANILLA_HTTP_PORT}, {@code VENTANILLA_HTTP_TRUSTED_PROXIES}. */
    public String envName() {
        return "VENTANILLA_" + upperSnake(section) + "_" + upperSnake(name);
    }

    /** How a raw value of this key is shown in messages: masked for secrets. */
    public String display(Object raw) {
        return type.display(raw);
    }

    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
