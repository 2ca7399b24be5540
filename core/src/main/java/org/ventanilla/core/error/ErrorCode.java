package org.ventanilla.core.error;

/** Stable failure codes, shared by every module; HTTP status mapping happens in one place (ops). */
public enum ErrorCode {
    /** Input that does not meet the rules (an identifier, a phone, a field too long...). */
    INVALID_INPUT(400),
    /** The thing asked for does not exist. */
    NOT_FOUND(404),
    /** The request conflicts with the current state (a duplicate key, a stale version, a taken lease). */
    CONFLICT(409),
    /** A size or rate limit was exceeded. */
    LIMIT_EXCEEDED(413),
    /** Content refused by policy (a type not allowed, a virus found). */
    REJECTED_CONTENT(422),
    /** The caller may not do this. */
    FORBIDDEN(403),
    /** A backing service (database, Redis, disk, virus scanner) is unavailable right now. */
    UNAVAILABLE(503),
    /** A bug: should never reach a user; logged once where handled. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
