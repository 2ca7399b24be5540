package org.ventanilla.core.error;

/**
 * Base of every failure Ventanilla reports on purpose. The {@link #code()} is stable and machine-readable
 * (HTTP and event-bus error handlers map it); the message names the thing, the value and the limit, and
 * never carries personal data.
 */
public class VentanillaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public VentanillaException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public VentanillaException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
