package org.ventanilla.ops.config;

import java.util.List;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The configuration cannot be used: a file that does not parse, an unknown key, a value that is not allowed. Holds
 * every problem found (one per line in the message), each naming the key, the value (masked for secrets) and what is
 * allowed. The server does not start.
 */
public final class ConfigException extends VentanillaException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(ErrorCode.INVALID_INPUT, String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** One sentence per problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
