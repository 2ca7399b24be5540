package org.ventanilla.ops;

import java.util.ArrayList;
import java.util.List;
import org.ventanilla.ops.config.ConfigKey;
import org.ventanilla.ops.config.ConfigKeys;

/** The text of {@code --help}: the options, and every configuration key from the table the loader validates with. */
final class Help {

    private static final int WIDTH = 110;
    private static final String KEY_INDENT = "  ";
    private static final String TEXT_INDENT = "      ";

    private Help() {
    }

    static String text() {
        StringBuilder out = new StringBuilder();
        out.append("Usage: java -jar ventanilla.jar [--config FILE] [--help] [--version]\n\n");
        wrap(out, "", "Ventanilla, the one-stop contact-center server for city administrations. Without options it starts"
                + " with embedded defaults: records in an H2 file under ./data, live state in memory, the console and APIs"
                + " on http://localhost:8080/console/, health on /health and Prometheus metrics on /metrics.");
        out.append("\nOptions:\n");
        out.append("  --config FILE   read the configuration from FILE: YAML, or JSON when the name ends in .json\n");
        out.append("  --help          print this help and exit\n");
        out.append("  --version       print the version and exit\n");
        out.append("\nConfiguration keys (in the file as section: key; in the environment as VENTANILLA_<SECTION>_<KEY>,"
                + " which wins over the file):\n");
        for (String section : ConfigKeys.sections()) {
            out.append('\n');
            for (ConfigKey<?> key : ConfigKeys.inSection(section)) {
                describe(out, key);
            }
        }
        out.append('\n');
        wrap(out, "", "Secrets (database.password, redis.uri) are never printed or logged; they can also be read from a file"
                + " readable only by the server's user: VENTANILLA_DATABASE_PASSWORD_FILE=/run/secrets/db-password."
                + " A bad value or an unknown key stops the server with a message naming the key, the value and what is"
                + " allowed.");
        out.append("\nExample (ventanilla.yaml):\n");
        out.append("""
                  node:
                    id: alcaldia-1
                  http:
                    port: 8080
                    trustedProxies: [10.0.0.0/8]
                  database:
                    kind: postgres
                    url: jdbc:postgresql://db.internal:5432/ventanilla
                    user: ventanilla
                  state:
                    kind: redis
                  redis:
                    uri: redis://redis.internal:6379
                  entity:
                    timeZone: America/Bogota
                    radicadoPrefix: ALC
                """);
        out.append("\nExit status: 0 after --help or --version; 1 when the server cannot start (port taken, database or Redis\n"
                + "unreachable at start); 2 for an invalid option or configuration. On SIGTERM the server stops gracefully.\n");
        return out.toString();
    }

    private static void describe(StringBuilder out, ConfigKey<?> key) {
        String heading = KEY_INDENT + key.path();
        out.append(heading).append(" ".repeat(Math.max(1, 36 - heading.length()))).append(key.envName()).append('\n');
        wrap(out, TEXT_INDENT, key.help());
        String defaultText = switch (key.presence()) {
            case DEFAULT -> key.defaultValue().isEmpty() ? "empty" : key.defaultValue();
            case OPTIONAL, COMPUTED -> key.defaultValue();
            default -> throw new IllegalStateException("unhandled presence " + key.presence());
        };
        wrap(out, TEXT_INDENT, "allowed: " + key.type().allowed() + "; default: " + defaultText + (key.secret() ? "; secret" : ""));
    }

    private static void wrap(StringBuilder out, String indent, String text) {
        List<String> line = new ArrayList<>();
        int length = indent.length();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && length + 1 + word.length() > WIDTH) {
                out.append(indent).append(String.join(" ", line)).append('\n');
                line.clear();
                length = indent.length();
            }
            length += (line.isEmpty() ? 0 : 1) + word.length();
            line.add(word);
        }
        if (!line.isEmpty()) {
            out.append(indent).append(String.join(" ", line)).append('\n');
        }
    }
}
