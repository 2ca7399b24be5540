package org.ventanilla.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ventanilla.ops.Wiring;
import org.ventanilla.ops.config.ConfigLoader;
import org.ventanilla.ops.config.Settings;

/**
 * A whole node in-process (H2 file, demo users) and two headless Chromium windows: a citizen on the chat's demo page and
 * a demo agent on the console. The citizen asks about the property tax, the agent accepts the offer and replies, and
 * each sees the other's words as text, markup included; the console resumes the conversation after a reload.
 */
class ChatWithAgentConsoleIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String AXE_VERSION = "4.14.1";
    /** A Tuesday that is no Colombian holiday, mid-morning in Bogotá: the chat is open and goes to agents. */
    private static final Instant OFFICE_HOURS = LocalDateTime.parse("2025-03-11T10:00:00").atZone(ZoneId.of("America/Bogota")).toInstant();

    @TempDir
    Path dir;

    private Wiring.Node node;
    private String origin;
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("headless Chromium is needed: apt-get install -y chromium chromium-driver");
        }
        Map<String, String> env = new HashMap<>();
        env.put("VENTANILLA_NODE_ID", "e2e-1");
        env.put("VENTANILLA_HTTP_HOST", "127.0.0.1");
        env.put("VENTANILLA_DATABASE_KIND", "h2");
        env.put("VENTANILLA_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("db").resolve("ventanilla"));
        env.put("VENTANILLA_DEMO_ENABLED", "true");
        env.put("VENTANILLA_ATTACHMENTS_DIRECTORY", Files.createDirectories(dir.resolve("attachments")).toString());
        Settings settings = ConfigLoader.load(Optional.empty(), env);
        settings = settings.withHttp(settings.http().withPort(0));
        // The clock runs, but from a weekday morning: opening hours must not decide whether this test passes.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), OFFICE_HOURS));
        node = Wiring.node(settings, clock);
        node.server().start().await(60, TimeUnit.SECONDS);
        origin = "http://127.0.0.1:" + node.server().port();
    }

    @AfterEach
    void stop() throws Exception {
        for (ChromeDriver b : browsers) {
            b.quit();
        }
        if (node != null) {
            node.server().stop().await(30, TimeUnit.SECONDS);
        }
        for (Path profile : profiles) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aCitizenAsksOnTheWebChatAndADemoAgentAnswersFromTheConsole() throws Exception {
        String password = demoPassword("ana.gomez");
        ChromeDriver agent = browser();
        ChromeDriver citizen = browser();
        WebDriverWait agentWait = new WebDriverWait(agent, Duration.ofSeconds(20));
        WebDriverWait citizenWait = new WebDriverWait(citizen, Duration.ofSeconds(20));

        // the agent signs in on the console, in Spanish by default
        agent.get(origin + "/console/");
        agentWait.until(d -> "username".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(agent.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        agent.findElement(By.id("sign-in-button")).click();
        agentWait.until(d -> textOf(d, "sign-in-error").equals("Escriba su usuario y su contraseña."));
        agent.findElement(By.id("username")).sendKeys("ana.gomez");
        agent.findElement(By.id("password")).sendKeys("contraseña-equivocada", Keys.ENTER);
        agentWait.until(d -> textOf(d, "sign-in-error").equals("Usuario o contraseña incorrectos."));
        agent.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        agentWait.until(d -> d.findElement(By.id("home-view")).isDisplayed());
        assertThat(textOf(agent, "home-title")).isEqualTo("Hola, Ana María Gómez Restrepo");
        assertThat(textOf(agent, "roles")).isEqualTo("AGENT");
        assertThat(agent.switchTo().activeElement().getAttribute("id")).isEqualTo("home-title");
        agentWait.until(d -> textOf(d, "agent-state").startsWith("Conectado"));

        // the citizen opens the widget, accepts the notice, picks the property tax and writes, markup included
        citizen.get(origin + "/chat/demo.html");
        WebElement launcher = citizenWait.until(d -> d.findElement(By.id("ventanilla-chat-launcher")));
        launcher.click();
        citizenWait.until(d -> d.findElement(By.id("ventanilla-chat-panel")).isDisplayed());
        citizen.findElement(By.id("vtn-name")).sendKeys("Valentina Ospina Cárdenas");
        new Select(citizen.findElement(By.id("vtn-topic"))).selectByValue("estado-cuenta-predial");
        citizen.findElement(By.id("vtn-consent")).click();
        citizen.findElement(By.id("vtn-start-button")).click();
        citizenWait.until(d -> d.findElement(By.id("vtn-composer")).isDisplayed());
        String question = "cuánto debo del predial <b>urgente</b> <img src=x onerror=\"window.__pwned=1\">";
        citizen.findElement(By.id("vtn-input")).sendKeys(question, Keys.ENTER);

        // a self-service answer may come first: the citizen wants a person
        agentWait.until(d -> !d.findElements(By.cssSelector("#offers button.accept")).isEmpty() || selfServiceOffered(citizen));
        if (selfServiceOffered(citizen)) {
            citizen.findElement(By.id("vtn-solved-no")).click();
        }

        // the agent sees the offer, accepts it, reads the question as text and replies
        WebElement accept = agentWait.until(d -> d.findElements(By.cssSelector("#offers button.accept")).stream().findFirst().orElse(null));
        assertThat(agent.findElement(By.id("offers")).getText()).contains("estado-cuenta-predial").contains("Aceptar").contains("Rechazar");
        assertThat(agent.findElement(By.id("announce")).getAttribute("aria-live")).isEqualTo("assertive");
        accept.click();
        WebElement reply = agentWait.until(d -> d.findElements(By.cssSelector("#chat-panels textarea")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        agentWait.until(d -> reply.equals(d.switchTo().activeElement()));
        WebElement log = agent.findElement(By.cssSelector("#chat-panels .log"));
        agentWait.until(d -> log.getText().contains(question));
        assertThat(log.findElements(By.tagName("img"))).isEmpty();
        assertThat(log.findElements(By.tagName("b"))).isEmpty();
        assertThat(agent.findElement(By.id("offers")).findElements(By.tagName("li"))).isEmpty();
        assertThat(((JavascriptExecutor) agent).executeScript("return window.__pwned === undefined ? null : window.__pwned;")).isNull();
        String answer = "Buenos días, Valentina. Le atiende Ana. Reviso su estado de cuenta <i>ya mismo</i>.";
        reply.sendKeys(answer, Keys.ENTER);

        // the citizen sees the reply, as text
        WebElement citizenLog = citizen.findElement(By.id("vtn-log"));
        citizenWait.until(d -> citizenLog.getText().contains(answer));
        assertThat(citizenLog.findElements(By.tagName("i"))).isEmpty();
        assertThat(((JavascriptExecutor) citizen).executeScript("return window.__pwned === undefined ? null : window.__pwned;")).isNull();
        agentWait.until(d -> log.getText().contains(answer) && log.findElements(By.cssSelector("li.pending")).isEmpty());

        // the citizen types (the widget tells at most every 2 seconds, so it keeps typing): the agent sees it
        WebElement citizenInput = citizen.findElement(By.id("vtn-input"));
        agentWait.until(d -> {
            citizenInput.sendKeys("g");
            return d.findElement(By.cssSelector("#chat-panels .typing")).getText().equals("El ciudadano está escribiendo…");
        });
        citizen.findElement(By.id("vtn-input")).clear();

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(agent.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("console-conversation.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(seriousAccessibilityViolations(agent)).as("axe-core on the console").isEmpty();

        // a reload of the console resumes the held chat with its conversation, once and in order
        agent.navigate().refresh();
        agentWait.until(d -> !d.findElements(By.cssSelector("#chat-panels .log li[data-seq]")).isEmpty()
                && d.findElement(By.cssSelector("#chat-panels .log")).getText().contains(answer));
        List<Long> seqs = agent.findElements(By.cssSelector("#chat-panels .log li[data-seq]")).stream()
                .map(e -> Long.parseLong(e.getAttribute("data-seq"))).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        citizen.findElement(By.id("vtn-input")).sendKeys("¿Sigue ahí?", Keys.ENTER);
        agentWait.until(d -> d.findElement(By.cssSelector("#chat-panels .log")).getText().contains("¿Sigue ahí?"));

        // escalating files a case: the console shows its radicado and due date
        agent.findElements(By.cssSelector("#chat-panels .chat-actions button")).stream()
                .filter(b -> b.getText().equals("Escalar a caso")).findFirst().orElseThrow().click();
        String filed = agentWait.until(d -> {
            String text = d.findElement(By.cssSelector("#chat-panels .filed")).getText();
            return text.startsWith("Radicado") ? text : null;
        });
        assertThat(filed).matches("Radicado \\S+, fecha límite de respuesta \\d{4}-\\d{2}-\\d{2}");

        // English on demand, then the agent ends the chat and signs out
        agent.findElement(By.id("lang-switch")).click();
        assertThat(agent.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(textOf(agent, "agent-title")).isEqualTo("Attend chats");
        agent.findElements(By.cssSelector("#chat-panels .chat-actions button")).stream()
                .filter(b -> b.getText().equals("End chat")).findFirst().orElseThrow().click();
        agentWait.until(d -> d.findElement(By.cssSelector("#chat-panels .typing")).getText().equals("The chat ended."));
        citizenWait.until(d -> d.findElement(By.id("vtn-rating")).isDisplayed());
        agent.findElement(By.id("sign-out")).click();
        agentWait.until(d -> d.findElement(By.id("sign-in-view")).isDisplayed());
        assertThat(((JavascriptExecutor) agent).executeScript("return sessionStorage.length;")).isEqualTo(0L);
    }

    private static boolean selfServiceOffered(WebDriver citizen) {
        return citizen.findElements(By.id("vtn-solved-no")).stream().anyMatch(WebElement::isDisplayed);
    }

    private static String textOf(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The demo agent's generated password, from the file the node wrote for the operator. */
    private String demoPassword(String username) throws IOException {
        Path file = node.demo().file().orElseThrow(() -> new IllegalStateException("the node seeded no demo users"));
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            if (parts.length == 2 && parts[0].equals(username)) {
                return parts[1];
            }
        }
        throw new IllegalStateException("no initial password for " + username + " in " + file);
    }

    private ChromeDriver browser() throws IOException {
        Path profile = Files.createTempDirectory("ventanilla-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    /** Runs axe-core (installed with npm into target/axe on first use) and lists its serious and critical findings. */
    private static List<String> seriousAccessibilityViolations(ChromeDriver browser) throws Exception {
        Path folder = Path.of("target", "axe").toAbsolutePath();
        Path script = folder.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            Files.createDirectories(folder);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", folder.toString(),
                    "axe-core@" + AXE_VERSION).redirectErrorStream(true).redirectOutput(folder.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0 || !Files.exists(script)) {
                npm.destroyForcibly();
                throw new IllegalStateException("could not install axe-core " + AXE_VERSION + " with npm: see "
                        + folder.resolve("npm.log"));
            }
        }
        JavascriptExecutor js = browser;
        js.executeScript(Files.readString(script, StandardCharsets.UTF_8));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); },"
                + " function (e) { done(JSON.stringify({error: String(e)})); });");
        String json = String.valueOf(result);
        assertThat(json).doesNotStartWith("{\"error\"");
        List<String> serious = new ArrayList<>();
        for (Object v : new JsonArray(json)) {
            JsonObject violation = (JsonObject) v;
            String impact = violation.getString("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(violation.getString("id") + ": " + violation.getString("help") + " "
                        + violation.getJsonArray("nodes").stream().map(n -> ((JsonObject) n).getJsonArray("target").encode()).toList());
            }
        }
        return serious;
    }
}
