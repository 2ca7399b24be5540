package org.ventanilla.core.adapter.jdbc;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/** Turns JDBC failures into Ventanilla's codes, without letting values from the database into messages. */
final class SqlFailures {

    /** PostgreSQL and H2 both report a duplicate key as 23505. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final Set<String> CONNECTION_STATES = Set.of(
            "57P01", "57P02", "57P03", "53300", // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many clients
            "90020", "90067", "90098", "90028", "90121"); // H2: in use by another process, connection broken, closed, IO, closed on exit
    private static final Set<String> CONCURRENCY_STATES = Set.of(
            "40001", "40P01", "55P03", // serialization failure, deadlock, lock not available
            "50200", "90131"); // H2: lock timeout, concurrent update
    private static final Set<String> MISSING_SEQUENCE_STATES = Set.of("42P01", "90036");
    private static final int MAX_REASON = 200;

    private SqlFailures() {
    }

    static VentanillaException map(String operation, SQLException e, String redactedUrl) {
        if (isConnectionFailure(e)) {
            return unreachable(redactedUrl, e);
        }
        String state = String.valueOf(e.getSQLState());
        if (CONCURRENCY_STATES.contains(state)) {
            return new VentanillaException(ErrorCode.CONFLICT, operation + " collided with a concurrent transaction (SQLState "
                    + state + "); retry it");
        }
        if (state.startsWith("23")) {
            // Integrity errors carry the offending values in their text: keep the cause out.
            return new VentanillaException(ErrorCode.CONFLICT, operation + " broke an integrity rule (SQLState " + state + ")");
        }
        return new VentanillaException(ErrorCode.INTERNAL, "database operation '" + operation + "' failed (SQLState " + state
                + ", error " + e.getErrorCode() + ")", e);
    }

    static VentanillaException unreachable(String redactedUrl, Throwable e) {
        if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
            return new VentanillaException(ErrorCode.UNAVAILABLE, "database " + redactedUrl
                    + " is unreachable: no connection became free in time (" + reason(e) + ")", e);
        }
        return new VentanillaException(ErrorCode.UNAVAILABLE, "database " + redactedUrl + " is unreachable (" + reason(e)
                + "); it is retried on the next call", e);
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isMissingSequence(SQLException e) {
        return MISSING_SEQUENCE_STATES.contains(e.getSQLState());
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || CONNECTION_STATES.contains(state))) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "..." : message;
    }
}
