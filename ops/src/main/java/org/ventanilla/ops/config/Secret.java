package org.ventanilla.ops.config;

import java.util.Objects;

/**
 * A configuration value that must never be printed or logged (a password, a URI carrying one). Its
 * {@link #toString()} is always masked; the clear text is only available through {@link #reveal()}, which the
 * adapter that needs it calls at the last moment.
 */
public final class Secret {

    /** What every secret prints as, whatever its length (the length is a hint too). */
    public static final String MASK = "******";

    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The clear text; never log it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : MASK;
    }
}
