package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.ops.config.ConfigKey;
import org.ventanilla.ops.config.ConfigKeys;

/** The real server jar in a child JVM: command line, configuration errors, start, health, logs and SIGTERM. */
class MainIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String PASSWORD = "Clave-De-Prueba-Ñandú-2025";

    @TempDir
    Path dir;

    @Test
    void helpExitsZeroAndDocumentsEveryKey() {
        try (ChildJvm jvm = ChildJvm.start(dir, Map.of(), "--help")) {
            assertThat(jvm.waitForExit(START)).isEqualTo(0);

            for (ConfigKey<?> key : ConfigKeys.ALL) {
                assertThat(jvm.outText()).as(key.path()).contains(key.path()).contains(key.envName());
            }
            assertThat(jvm.errText()).as("nothing but the help, no logging noise").isEmpty();
        }
    }

    @Test
    void aBadValueExitsTwoNamingTheKeyTheValueAndWhatIsAllowed() throws IOException {
        Path config = Files.writeString(dir.resolve("ventanilla.yaml"), "http:\n  port: 70000\ndatabase:\n  kind: mongodb\n");

        try (ChildJvm jvm = ChildJvm.start(dir, Map.of("VENTANILLA_DATABASE_PASSWORD", PASSWORD), "--config", config.toString())) {
            assertThat(jvm.waitForExit(START)).isEqualTo(2);

            assertThat(jvm.errText())
                    .contains("http.port: 70000 is not allowed (1-65535)")
                    .contains("database.kind: 'mongodb' is not allowed (h2, postgres, memory)")
                    .doesNotContain(PASSWORD);
            assertThat(jvm.outText()).doesNotContain("is ready");
        }
    }

    @Test
    void aBrokenFileExitsTwoNamingTheFileAndLine() throws IOException {
        Path config = Files.writeString(dir.resolve("ventanilla.yaml"), "http:\n  port: [8080\n");

        try (ChildJvm jvm = ChildJvm.start(dir, Map.of(), "--config", config.toString())) {
            assertThat(jvm.waitForExit(START)).isEqualTo(2);

            assertThat(jvm.errText()).contains("config file " + config + " is not valid YAML at line");
        }
    }

    @Test
    void startsInMemoryPrintsTheConsoleAnswersHealthAndStopsGracefullyOnSigterm() throws IOException {
        int port = ChildJvm.freePort();
        Path config = Files.writeString(dir.resolve("ventanilla.yaml"),
                "http:\n  host: 127.0.0.1\n  port: " + port + "\n  shutdownGraceSeconds: 5\ndatabase:\n  kind: memory\n");

        try (ChildJvm jvm = ChildJvm.start(dir, Map.of("VENTANILLA_DATABASE_PASSWORD", PASSWORD), "--config", config.toString())) {
            String ready = jvm.awaitOutLine(line -> line.startsWith("Ventanilla is ready"), START);

            String base = "http://127.0.0.1:" + port;
            assertThat(ready).isEqualTo("Ventanilla is ready: console at " + base + "/console/ , health at " + base + "/health,"
                    + " metrics at " + base + "/metrics");
            HttpResponse<String> health = TestHttp.get("http://127.0.0.1:" + port + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(health.body()).getJsonObject("checks").getJsonObject("database").getBoolean("up")).isTrue();
            assertThat(TestHttp.get("http://127.0.0.1:" + port + "/metrics").body()).contains("jvm_memory_used_bytes");

            assertThat(jvm.terminate(START)).as("exit status after SIGTERM").isEqualTo(143);

            assertThat(jvm.outText()).contains("shutting down: not ready, no new connections").contains("stopped in");
            assertThat(jvm.outText() + jvm.errText()).doesNotContain(PASSWORD);
            for (String line : jvm.out()) {
                if (!line.startsWith("Ventanilla is ready")) {
                    assertThat(new JsonObject(line).getString("level")).as(line).isNotBlank();
                }
            }
        }
    }

    @Test
    void withNoConfigurationFileItStartsOnTheDefaultH2FileWithTextLogsWhenAsked() {
        int port = ChildJvm.freePort();

        try (ChildJvm jvm = ChildJvm.start(dir, Map.of("VENTANILLA_HTTP_PORT", String.valueOf(port), "VENTANILLA_LOG_FORMAT", "text"))) {
            jvm.awaitOutLine(line -> line.startsWith("Ventanilla is ready"), START);

            JsonObject health = new JsonObject(TestHttp.get("http://127.0.0.1:" + port + "/health").body());
            assertThat(health.getBoolean("ready")).isTrue();
            assertThat(dir.resolve("data").resolve("ventanilla.mv.db")).exists();
            assertThat(jvm.outText()).contains("INFO  [main] org.ventanilla.ops.Main - starting Ventanilla")
                    .contains("database h2 (jdbc:h2:file:./data/ventanilla)").contains("demo data on");
            assertThat(jvm.terminate(START)).isEqualTo(143);
        }
    }

    @Test
    void aTakenPortExitsOneSayingWhy() throws IOException {
        try (ServerSocket taken = new ServerSocket(0);
                ChildJvm jvm = ChildJvm.start(dir, Map.of("VENTANILLA_HTTP_PORT", String.valueOf(taken.getLocalPort()),
                        "VENTANILLA_DATABASE_KIND", "memory"))) {
            assertThat(jvm.waitForExit(START)).isEqualTo(1);

            assertThat(jvm.errText()).contains("cannot start: cannot listen on 0.0.0.0:" + taken.getLocalPort());
        }
    }
}
