package org.ventanilla.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.ops.config.Settings.DatabaseKind;
import org.ventanilla.ops.config.Settings.ForwardedHeader;
import org.ventanilla.ops.config.Settings.LogFormat;
import org.ventanilla.ops.config.Settings.StateKind;
import org.ventanilla.ops.http.IpRange;

class ConfigLoaderTest {

    private static final String PASSWORD = "Contraseña-Muy-Secreta-2024";

    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsNeedNoFileAndNoEnvironment() {
        Settings s = ConfigLoader.defaults();

        assertThat(s.http().host()).isEqualTo("0.0.0.0");
        assertThat(s.http().port()).isEqualTo(8080);
        assertThat(s.http().trustedProxies()).isEmpty();
        assertThat(s.http().forwardedHeader()).isEqualTo(ForwardedHeader.X_FORWARDED_FOR);
        assertThat(s.http().shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.database().kind()).isEqualTo(DatabaseKind.H2);
        assertThat(s.database().url()).isEqualTo("jdbc:h2:file:./data/ventanilla");
        assertThat(s.database().password().isEmpty()).isTrue();
        assertThat(s.database().maxPoolSize()).isEqualTo(10);
        assertThat(s.state().kind()).isEqualTo(StateKind.MEMORY);
        assertThat(s.redis().uri()).isEmpty();
        assertThat(s.attachments().directory()).isEqualTo(Path.of("./data/attachments"));
        assertThat(s.attachments().maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.attachments().retentionDays()).isEqualTo(365);
        assertThat(s.attachments().clamd()).isEmpty();
        assertThat(s.entity().timeZone()).isEqualTo(ZoneId.of("America/Bogota"));
        assertThat(s.entity().radicadoPrefix()).isEmpty();
        assertThat(s.log().format()).isEqualTo(LogFormat.JSON);
        assertThat(s.demo().enabled()).isTrue();
        assertThat(s.node().id()).matches("[a-z0-9][a-z0-9._-]*-[0-9a-f]{4}");
    }

    @Test
    void aYamlFileSetsEveryKindOfValue() throws IOException {
        Path file = write("ventanilla.yaml", """
                node:
                  id: alcaldia-nodo-1
                http:
                  host: 127.0.0.1
                  port: 9090
                  trustedProxies: [10.0.0.0/8, 192.0.2.7, "2001:db8::/32"]
                  forwardedHeader: forwarded
                  shutdownGraceSeconds: 5
                database:
                  kind: postgres
                  url: jdbc:postgresql://db.alcaldia.gov.co:5432/ventanilla
                  user: ventanilla_app
                  maxPoolSize: 30
                state:
                  kind: redis
                redis:
                  uri: redis://:clave@redis.alcaldia.gov.co:6379/0
                attachments:
                  directory: /var/lib/ventanilla/adjuntos
                  maxBytes: 25MiB
                  retentionDays: 730
                  clamd: clamav.interno:3310
                entity:
                  timeZone: America/Santiago
                  radicadoPrefix: MED
                log:
                  format: text
                  level: debug
                demo:
                  enabled: false
                """);

        Settings s = ConfigLoader.load(Optional.of(file), Map.of());

        assertThat(s.node().id()).isEqualTo("alcaldia-nodo-1");
        assertThat(s.http().port()).isEqualTo(9090);
        assertThat(s.http().trustedProxies()).containsExactly(
                IpRange.parse("10.0.0.0/8"), IpRange.parse("192.0.2.7"), IpRange.parse("2001:db8::/32"));
        assertThat(s.http().forwardedHeader()).isEqualTo(ForwardedHeader.FORWARDED);
        assertThat(s.http().shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.database().kind()).isEqualTo(DatabaseKind.POSTGRES);
        assertThat(s.database().maxPoolSize()).isEqualTo(30);
        assertThat(s.state().kind()).isEqualTo(StateKind.REDIS);
        assertThat(s.redis().uri()).map(Secret::reveal).contains("redis://:clave@redis.alcaldia.gov.co:6379/0");
        assertThat(s.attachments().maxBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(s.attachments().clamd()).contains(new HostPort("clamav.interno", 3310));
        assertThat(s.entity().timeZone()).isEqualTo(ZoneId.of("America/Santiago"));
        assertThat(s.entity().radicadoPrefix()).contains("MED");
        assertThat(s.log().format()).isEqualTo(LogFormat.TEXT);
        assertThat(s.demo().enabled()).isFalse();
    }

    @Test
    void aJsonFileIsReadAsJson() throws IOException {
        Path file = write("ventanilla.json", """
                {"http": {"port": 8443, "trustedProxies": ["127.0.0.1"]}, "database": {"kind": "memory"}}
                """);

        Settings s = ConfigLoader.load(Optional.of(file), Map.of());

        assertThat(s.http().port()).isEqualTo(8443);
        assertThat(s.http().trustedProxies()).containsExactly(IpRange.parse("127.0.0.1"));
        assertThat(s.database().kind()).isEqualTo(DatabaseKind.MEMORY);
        assertThat(s.demo().enabled()).isFalse();
    }

    @Test
    void brokenYamlStopsWithTheFileAndTheLine() throws IOException {
        Path file = write("roto.yaml", "http:\n  port: 8080\n   host: [0.0.0.0\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config file " + file + " is not valid YAML at line 3");
    }

    @Test
    void brokenJsonStopsWithTheFileAndTheLine() throws IOException {
        Path file = write("roto.json", "{\n  \"http\": {\"port\": 8080 \"host\": \"0.0.0.0\"}\n}\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config file " + file + " is not valid JSON at line 2");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("no-existe.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessage("config file " + file + " does not exist");
    }

    @Test
    void aPortOutOfRangeNamesTheKeyTheValueAndTheRange() throws IOException {
        Path file = write("v.yaml", "http:\n  port: 70000\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("http.port: 70000 is not allowed (1-65535)");
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_HTTP_PORT", "ochenta")))
                .hasMessage("http.port: 'ochenta' is not allowed (1-65535) [from environment variable VENTANILLA_HTTP_PORT]");
    }

    @Test
    void anUnknownTopLevelKeyListsTheSections() throws IOException {
        Path file = write("v.yaml", "htp:\n  port: 8080\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessage("unknown key 'htp' (known: node, http, database, state, redis, attachments, entity, log, demo, chat)");
    }

    @Test
    void anUnknownNestedKeyListsTheKeysOfItsSection() throws IOException {
        Path file = write("v.yaml", "http:\n  prot: 8080\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessage("unknown key 'http.prot' (known: host, port, trustedProxies, forwardedHeader, shutdownGraceSeconds)");
    }

    @Test
    void aSectionThatIsNotAMappingIsRefused() throws IOException {
        Path file = write("v.yaml", "http: 8080\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageStartingWith("http: must be a mapping of keys (known: host, port");
    }

    @Test
    void aTopLevelThatIsNotAMappingIsRefused() throws IOException {
        Path file = write("v.yaml", "- http\n- port\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageContaining("the top level must be a mapping of sections (known: node, http");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedValues() throws IOException {
        Path file = write("v.yaml", "database:\n  kind: mongodb\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessage("database.kind: 'mongodb' is not allowed (h2, postgres, memory)");
    }

    @Test
    void aBadTimeZoneIsRefused() throws IOException {
        Path file = write("v.yaml", "entity:\n  timeZone: America/Medellin\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageStartingWith("entity.timeZone: 'America/Medellin' is not allowed (an IANA time-zone id");
    }

    @Test
    void aBadTrustedProxyNamesTheOffendingEntry() throws IOException {
        Path file = write("v.yaml", "http:\n  trustedProxies: [10.0.0.0/8, 10.0.0.0/33, proxy.example]\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageStartingWith("http.trustedProxies: '10.0.0.0/33' is not allowed (a list of IPv4 or IPv6 addresses");
    }

    @Test
    void aBadRadicadoPrefixAndABadSizeAreBothReported() throws IOException {
        Path file = write("v.yaml", "entity:\n  radicadoPrefix: alcaldia-medellin\nattachments:\n  maxBytes: 10MB\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "attachments.maxBytes: '10MB' is not allowed (a size from 1B to 1GiB, in bytes or with KiB, MiB or GiB (10MiB))",
                        "entity.radicadoPrefix: 'alcaldia-medellin' is not allowed (1 to 10 capital letters or digits)"));
    }

    @Test
    void redisIsRequiredWhenTheStateLivesInRedis() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_STATE_KIND", "redis")))
                .hasMessageStartingWith("redis.uri: required when state.kind=redis (a redis:// or rediss:// URI");
    }

    @Test
    void postgresNeedsAPostgresUrl() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_DATABASE_KIND", "postgres")))
                .hasMessageStartingWith("database.url: required when database.kind=postgres (a jdbc:postgresql: URL");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(
                "VENTANILLA_DATABASE_KIND", "h2", "VENTANILLA_DATABASE_URL", "jdbc:postgresql://db:5432/v")))
                .hasMessageStartingWith("database.url: 'jdbc:postgresql://db:5432/v' is not allowed with database.kind=h2"
                        + " (a jdbc:h2: URL)");
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        Path file = write("v.yaml", "http:\n  port: 9090\n  trustedProxies: [10.0.0.1]\ndatabase:\n  kind: h2\n");

        Settings s = ConfigLoader.load(Optional.of(file), Map.of(
                "VENTANILLA_HTTP_PORT", "9191",
                "VENTANILLA_HTTP_TRUSTED_PROXIES", "192.0.2.0/24, ::1",
                "VENTANILLA_DATABASE_KIND", "memory",
                "VENTANILLA_DATABASE_PASSWORD", PASSWORD,
                "VENTANILLA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "PATH", "/usr/bin"));

        assertThat(s.http().port()).isEqualTo(9191);
        assertThat(s.http().trustedProxies()).containsExactly(IpRange.parse("192.0.2.0/24"), IpRange.parse("::1"));
        assertThat(s.database().kind()).isEqualTo(DatabaseKind.MEMORY);
        assertThat(s.database().password().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void aSecretCanComeFromAFileNamedInTheEnvironment() throws IOException {
        Path secretFile = write("db-password", PASSWORD + "\n");

        Settings s = ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_DATABASE_PASSWORD_FILE", secretFile.toString()));

        assertThat(s.database().password().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void anUnknownVariableOfAKnownSectionIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_HTTP_PROT", "8080")))
                .hasMessageStartingWith("unknown environment variable VENTANILLA_HTTP_PROT (known: VENTANILLA_HTTP_HOST,"
                        + " VENTANILLA_HTTP_PORT");
    }

    @Test
    void aSecretNeverAppearsInAnErrorNorInToString() throws IOException {
        Path file = write("v.yaml", "database:\n  password: [" + PASSWORD + "]\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessage("database.password: ****** is not allowed (any text (kept secret, never printed))")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));

        Settings s = ConfigLoader.load(Optional.empty(), Map.of(
                "VENTANILLA_DATABASE_PASSWORD", PASSWORD,
                "VENTANILLA_DATABASE_KIND", "postgres",
                "VENTANILLA_DATABASE_URL", "jdbc:postgresql://db:5432/v?user=app&password=" + PASSWORD,
                "VENTANILLA_STATE_KIND", "redis",
                "VENTANILLA_REDIS_URI", "redis://:" + PASSWORD + "@redis:6379"));
        assertThat(s.toString()).doesNotContain(PASSWORD).contains("password=******", "redis://:******@redis:6379");
    }

    @Test
    void aSecretInABrokenFileIsNotQuotedByTheParserMessage() throws IOException {
        Path yaml = write("v.yaml", "database:\n  password: \"" + PASSWORD + "\n  user: x\n");
        Path json = write("v.json", "{\"database\": {\"password\": " + PASSWORD + "}}");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(yaml), Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("Contraseña"));
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(json), Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("not valid JSON at line 1").doesNotContain("Contraseña"));
    }

    @Test
    void aRedisUriWithABadSchemeIsShownMasked() {
        Map<String, String> env = Map.of("VENTANILLA_REDIS_URI", "http://:" + PASSWORD + "@redis:6379");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
                .hasMessageStartingWith("redis.uri: 'http://:******@redis:6379' is not allowed (a redis:// or rediss:// URI")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        Path file = write("v.yaml", "http:\n  port: 8080\n  port: 8081\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageContaining("is not valid YAML at line 3");
    }

    @Test
    void theDemoIsOffByDefaultOutsideTheDefaultH2File() {
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_DATABASE_URL", "jdbc:h2:file:/srv/ventanilla"))
                .demo().enabled()).isFalse();
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("VENTANILLA_DEMO_ENABLED", "false")).demo().enabled()).isFalse();
    }

    @Test
    void everyKeyHasADocumentedDefaultThatItsOwnTypeAccepts() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(key.help()).as(key.path()).isNotBlank();
            if (key.presence() == ConfigKey.Presence.DEFAULT) {
                assertThat(key.type().parse(key.defaultValue())).as(key.path()).isNotNull();
            }
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
    @Test
    void chatOriginsAreCheckedAndReadFromTheEnvironment() throws IOException {
        Path file = write("v.yaml", "chat:\n  allowedOrigins: [\"https://www.ciudad.gov.co\", \"ftp://malo\"]\n");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageContaining("chat.allowedOrigins").hasMessageContaining("ftp://malo");
        Settings settings = ConfigLoader.load(Optional.empty(),
                Map.of("VENTANILLA_CHAT_ALLOWED_ORIGINS", "https://www.ciudad.gov.co, http://localhost:3000"));
        assertThat(settings.chat().allowedOrigins()).containsExactly("https://www.ciudad.gov.co", "http://localhost:3000");
        assertThat(settings.chat().idleTimeout()).hasMinutes(15);
    }
}
