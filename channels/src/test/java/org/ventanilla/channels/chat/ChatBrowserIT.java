package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in headless Chromium: the citizen opens the widget, writes, and sees the reply of an agent connected
 * through the agent WebSocket; markup in a message stays text.
 */
class ChatBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private ChatTestNode node;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("headless Chromium is needed: apt-get install -y chromium chromium-driver");
        }
        node = ChatTestNode.start();
        profile = Files.createTempDirectory("ventanilla-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        node.close();
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theWidgetIsUsableWithTheKeyboardAloneInEnglishOnAPhoneWithSufficientContrast() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 740));
        browser.get(node.origin() + "/chat/demo.html?lang=en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        WebElement launcher = wait.until(d -> d.findElement(By.id("ventanilla-chat-launcher")));
        assertThat(launcher.getText()).isEqualTo("Chat with the City");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("ventanilla-chat-launcher");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> "vtn-name".equals(d.switchTo().activeElement().getAttribute("id")));
        WebElement panel = browser.findElement(By.id("ventanilla-chat-panel"));
        assertThat(panel.getRect().getWidth()).isEqualTo(375);
        assertThat(browser.findElement(By.cssSelector("label[for='vtn-consent']")).getText())
                .isEqualTo("I accept the processing of my personal data.");

        for (String selector : List.of("#ventanilla-chat-launcher", ".vtn-header h2", "#vtn-start-button", ".vtn-notice",
                "label[for='vtn-name']")) {
            double ratio = contrast(selector);
            assertThat(ratio).as("contrast of %s", selector).isGreaterThanOrEqualTo(4.5);
        }

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !d.findElement(By.id("ventanilla-chat-panel")).isDisplayed());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("ventanilla-chat-launcher");

        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> "vtn-name".equals(d.switchTo().activeElement().getAttribute("id")));
        WebElement start = browser.findElement(By.id("vtn-start-button"));
        start.sendKeys(Keys.ENTER);
        wait.until(d -> "vtn-input".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys("There is a fire in my building, people are injured", Keys.ENTER);
        WebElement log = browser.findElement(By.id("vtn-log"));
        wait.until(d -> log.getText().contains("If this is an emergency, call 123 now."));
        assertThat(browser.findElement(By.id("vtn-announce")).getAttribute("aria-live")).isEqualTo("polite");
    }

    /** The WCAG contrast ratio of an element's text colour on its (nearest opaque) background. */
    private double contrast(String selector) {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "function rgb(s){var m=s.match(/[\\d.]+/g).map(Number);return m;}"
                + "function lum(c){var a=c.slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);});"
                + "return 0.2126*a[0]+0.7152*a[1]+0.0722*a[2];}"
                + "var e=document.querySelector(arguments[0]);var fg=rgb(getComputedStyle(e).color);var n=e,bg=null;"
                + "while(n&&n.nodeType===1){var b=rgb(getComputedStyle(n).backgroundColor);"
                + "if(b.length<4||b[3]>0){bg=b;break;}n=n.parentElement;}"
                + "if(!bg){bg=[255,255,255];}var l1=lum(fg),l2=lum(bg);return (Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05);",
                selector);
        return ((Number) value).doubleValue();
    }

    @Test
    void citizenOpensTheWidgetOnTheDemoPageWritesAndSeesTheAgentsReplyAndMarkupStaysText() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN)) {
            browser.get(node.origin() + "/chat/demo.html");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            WebElement launcher = wait.until(d -> d.findElement(By.id("ventanilla-chat-launcher")));
            assertThat(launcher.getText()).isEqualTo("Chatear con la Alcaldía");
            launcher.sendKeys(Keys.ENTER);
            wait.until(d -> d.findElement(By.id("ventanilla-chat-panel")).isDisplayed());
            assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("vtn-name");
            for (String id : List.of("vtn-name", "vtn-idtype", "vtn-id", "vtn-email", "vtn-phone", "vtn-topic", "vtn-consent")) {
                assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of %s", id).hasSize(1);
            }

            browser.findElement(By.id("vtn-name")).sendKeys("Valentina Ospina");
            browser.findElement(By.id("vtn-consent")).click();
            browser.findElement(By.id("vtn-start-button")).click();
            wait.until(d -> d.findElement(By.id("vtn-composer")).isDisplayed());

            String markup = "Hola <b>negrita</b> <img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
            WebElement input = browser.findElement(By.id("vtn-input"));
            input.sendKeys(markup);
            input.sendKeys(Keys.ENTER);

            JsonObject offer = agent.await(f -> "offer".equals(f.getString("type")));
            String chatId = offer.getString("chatId");
            agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            JsonObject fromCitizen = agent.await(f -> "msg".equals(f.getString("type")) && "citizen".equals(f.getString("from")));
            assertThat(fromCitizen.getString("text")).isEqualTo(markup);
            agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-1")
                    .put("text", "Hola Valentina, le atiende Ana. ¿En qué le ayudo? <i>sin cursiva</i>"));

            WebElement log = browser.findElement(By.id("vtn-log"));
            wait.until(d -> log.getText().contains("¿En qué le ayudo?"));
            assertThat(log.getAttribute("aria-live")).isEqualTo("polite");
            assertThat(log.getText()).contains(markup).contains("<i>sin cursiva</i>").contains("Le atiende Ana María Pérez.");
            assertThat(log.findElements(By.tagName("img"))).isEmpty();
            assertThat(log.findElements(By.tagName("script"))).isEmpty();
            assertThat(log.findElements(By.tagName("b"))).isEmpty();
            Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned;");
            assertThat(pwned).isNull();

            // the widget marks what it received: the agent sees the delivery receipt
            agent.await(f -> "delivered".equals(f.getString("type")));

            // a page reload resumes the session: the conversation is back once, in order
            browser.navigate().refresh();
            WebElement launcherAgain = wait.until(d -> d.findElement(By.id("ventanilla-chat-launcher")));
            launcherAgain.click();
            agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-2").put("text", "¿Sigue conectada?"));
            wait.until(d -> d.findElement(By.id("vtn-log")).getText().contains("¿Sigue conectada?"));
            List<WebElement> items = browser.findElements(By.cssSelector("#vtn-log li[data-seq]"));
            List<Long> seqs = items.stream().map(e -> Long.parseLong(e.getAttribute("data-seq"))).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(seqs.get(seqs.size() - 1)).isEqualTo(seqs.size());
        }
    }
}
