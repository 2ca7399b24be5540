package org.ventanilla.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.testing.MutableClock;

/** The console's HTTP routes on a real Vert.x server on a free port, with users in memory. */
class ConsoleRoutesTest {

    private static final String PASSWORD = ConsoleSessionsTest.PASSWORD;

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-10T14:00:00Z"));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Vertx vertx;
    private HttpServer server;
    private WebClient client;

    @BeforeEach
    void start() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);

        MemoryRecordStore store = MemoryRecordStore.create(clock);
        ConsoleSessions sessions = new ConsoleSessions(store, ConsoleSessionsTest.directoryWithUsers(store), clock, Duration.ofHours(10));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route("/console/*").subRouter(new ConsoleRoutes(sessions).router(vertx));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(Level.INFO);
        vertx.close().await();
    }

    @Test
    void aRightPasswordGivesATokenTheNameAndTheRolesAndMeAnswersWithTheToken() {
        HttpResponse<Buffer> signIn = signIn(new JsonObject().put("username", "ana.gomez").put("password", PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonObject body = signIn.bodyAsJsonObject();
        assertThat(body.getString("displayName")).isEqualTo("Ana María Gómez Restrepo");
        assertThat(body.getJsonArray("roles").getList()).containsExactly("AGENT");
        assertThat(body.getString("expiresAt")).isEqualTo("2025-03-11T00:00:00Z");
        String token = body.getString("token");

        HttpResponse<Buffer> me = me(token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.bodyAsJsonObject().getString("username")).isEqualTo("ana.gomez");
        assertThat(me.bodyAsJsonObject().containsKey("token")).isFalse();
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledUserGetTheVerySame401() {
        HttpResponse<Buffer> wrong = signIn(new JsonObject().put("username", "ana.gomez").put("password", "Cafetal-Sabana-2024"));
        HttpResponse<Buffer> unknown = signIn(new JsonObject().put("username", "maria.nadie").put("password", PASSWORD));
        HttpResponse<Buffer> disabled = signIn(new JsonObject().put("username", "lucia.mejia").put("password", PASSWORD));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(unknown.bodyAsString()).isEqualTo(wrong.bodyAsString());
        assertThat(disabled.bodyAsString()).isEqualTo(wrong.bodyAsString());
        assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        String[] bodies = {"{\"username\": \"ana.gomez\"", "[\"ana.gomez\"]", "{\"username\": \"ana.gomez\"}",
            "{\"username\": 7, \"password\": \"x\"}", "", "usuario=ana.gomez"};
        for (String body : bodies) {
            HttpResponse<Buffer> r = client.post("/console/api/sign-in").putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(body)).await();
            assertThat(r.statusCode()).as("answer to %s", body).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_INPUT");
        }
    }

    @Test
    void aBodyOverFourKilobytesIsRefused() {
        HttpResponse<Buffer> r = signIn(new JsonObject().put("username", "ana.gomez").put("password", "x".repeat(5000)));

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void signingOutEndsTheSession() {
        String token = signIn(new JsonObject().put("username", "sergio.pardo").put("password", PASSWORD)).bodyAsJsonObject()
                .getString("token");
        assertThat(me(token).statusCode()).isEqualTo(200);

        HttpResponse<Buffer> out = client.post("/console/api/sign-out").putHeader("Authorization", "Bearer " + token).send().await();

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(me(token).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredSessionIsRefused() {
        String token = signIn(new JsonObject().put("username", "ana.gomez").put("password", PASSWORD)).bodyAsJsonObject()
                .getString("token");

        clock.advance(Duration.ofHours(10));

        assertThat(me(token).statusCode()).isEqualTo(401);
    }

    @Test
    void meWithoutAValidBearerTokenIs401() {
        assertThat(client.get("/console/api/me").send().await().statusCode()).isEqualTo(401);
        assertThat(client.get("/console/api/me").putHeader("Authorization", "Basic YW5hOng=").send().await().statusCode())
                .isEqualTo(401);
        assertThat(me("Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6").statusCode()).isEqualTo(401);
    }

    @Test
    void neitherTheTokenNorThePasswordEverReachesTheLogs() {
        signIn(new JsonObject().put("username", "ana.gomez").put("password", "Cafetal-Sabana-2024"));
        signIn(new JsonObject().put("username", "lucia.mejia").put("password", PASSWORD));
        String token = signIn(new JsonObject().put("username", "ana.gomez").put("password", PASSWORD)).bodyAsJsonObject()
                .getString("token");
        me(token);
        client.post("/console/api/sign-out").putHeader("Authorization", "Bearer " + token).send().await();
        me(token);

        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(token).doesNotContain(PASSWORD).doesNotContain("Cafetal-Sabana-2024");
        }
    }

    @Test
    void theConsolePageIsServedInSpanishAndItsScriptNeverWritesMarkup() {
        HttpResponse<Buffer> page = client.get("/console/").send().await();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("<html lang=\"es\">").contains("Iniciar sesión").contains("<label for=\"password\"");

        HttpResponse<Buffer> script = client.get("/console/console.js").send().await();
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.bodyAsString()).contains("textContent").doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write");
        assertThat(client.get("/console/console.css").send().await().statusCode()).isEqualTo(200);
    }

    private HttpResponse<Buffer> signIn(JsonObject body) {
        return client.post("/console/api/sign-in").sendJsonObject(body).await();
    }

    private HttpResponse<Buffer> me(String token) {
        return client.get("/console/api/me").putHeader("Authorization", "Bearer " + token).send().await();
    }
}
