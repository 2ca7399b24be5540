package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.ops.config.ConfigKey;
import org.ventanilla.ops.config.ConfigKeys;
import org.ventanilla.ops.config.ConfigLoader;
import org.ventanilla.ops.config.Settings;

/** The command line in process, for the paths that stop before a server starts. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void helpDocumentsEveryOptionAndEveryKeyOfTheTable() {
        int code = run("--help");

        assertThat(code).isEqualTo(Main.EXIT_OK);
        // descriptions are wrapped: compare with the white space folded
        String help = out().replaceAll("\\s+", " ");
        assertThat(help).contains("--config FILE", "--help", "--version");
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(help).as(key.path()).contains(key.path() + " " + key.envName(), key.help(), key.type().allowed());
        }
        assertThat(help).contains("default: 8080", "default: America/Bogota", "default: jdbc:h2:file:./data/ventanilla");
    }

    @Test
    void theExampleInTheHelpIsAValidConfiguration() throws IOException {
        run("--help");
        String help = out();
        String example = help.substring(help.indexOf("Example (ventanilla.yaml):\n") + "Example (ventanilla.yaml):\n".length(),
                help.indexOf("\nExit status"));
        Path file = Files.writeString(dir.resolve("ejemplo.yaml"), example);

        Settings settings = ConfigLoader.load(Optional.of(file), Map.of());

        assertThat(settings.database().kind()).isEqualTo(Settings.DatabaseKind.POSTGRES);
        assertThat(settings.entity().radicadoPrefix()).contains("ALC");
    }

    @Test
    void versionPrintsOneLine() {
        assertThat(run("--version")).isEqualTo(Main.EXIT_OK);
        assertThat(out()).startsWith("Ventanilla ").hasLineCount(1);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--puerto", "8080")).isEqualTo(Main.EXIT_INVALID_CONFIGURATION);
        assertThat(err()).contains("unknown option '--puerto' (known: --config FILE, --help, --version)");
        assertThat(run("--config")).isEqualTo(Main.EXIT_INVALID_CONFIGURATION);
        assertThat(err()).contains("option --config needs a file name");
    }

    @Test
    void anInvalidConfigurationStopsWithStatusTwoAndEveryProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("ventanilla.yaml"), "http:\n  port: 70000\n  prot: 1\n");

        int code = run("--config", file.toString());

        assertThat(code).isEqualTo(Main.EXIT_INVALID_CONFIGURATION);
        assertThat(err()).contains("the configuration is not valid",
                "http.port: 70000 is not allowed (1-65535)",
                "unknown key 'http.prot' (known: host, port, trustedProxies, forwardedHeader, shutdownGraceSeconds)");
        assertThat(out()).isEmpty();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), Clock.systemUTC());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
