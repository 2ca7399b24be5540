package org.ventanilla.ops.config;

/**
 * Thrown by a {@link ValueType} when a raw value does not fit: carries the offending part (the whole value, or
 * one element of a list) so that the loader can name it next to the key and what is allowed.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Object offending;

    public InvalidValueException(Object offending) {
        super("value is not allowed");
        this.offending = offending;
    }

    /** The part of the value that was refused (never printed as is for a secret key). */
    public Object offending() {
        return offending;
    }
}
