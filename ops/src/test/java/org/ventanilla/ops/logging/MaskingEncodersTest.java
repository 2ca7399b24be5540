package org.ventanilla.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingEncodersTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger;

    MaskingEncodersTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        logger = context.getLogger("org.ventanilla.core.intake.Intake");
    }

    @Test
    void theJsonEncoderWritesOneMaskedJsonLineWithoutRawArguments() {
        MaskingJsonEncoder encoder = new MaskingJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN,
                "no se pudo responder a {} (CC {})", new IllegalStateException("buzón de ana.gomez@correo.com lleno"),
                new Object[] {"ana.gomez@correo.com", "1020304050"});

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("ana.gomez").doesNotContain("1020304050");
        JsonObject json = new JsonObject(line.trim());
        assertThat(json.getString("formattedMessage")).isEqualTo("no se pudo responder a a******@c******.com (CC ******4050)");
        assertThat(json.getString("level")).isEqualTo("WARN");
        assertThat(json.getString("loggerName")).isEqualTo("org.ventanilla.core.intake.Intake");
        assertThat(json.containsKey("arguments")).isFalse();
        assertThat(json.getJsonObject("throwable").getString("message")).isEqualTo("buzón de a******@c******.com lleno");
    }

    @Test
    void theTextPatternMasksMessagesAndStackTraces() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        Map<String, String> rules = new HashMap<>();
        rules.put("maskedMsg", MaskingConverter.class.getName());
        rules.put("maskedEx", MaskingThrowableConverter.class.getName());
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, rules);
        layout.setPattern("%level %maskedMsg%n%maskedEx");
        layout.start();
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "llamada de {} perdida",
                new IllegalArgumentException("teléfono 3109876543 inválido"), new Object[] {"+57 310 987 6543"});

        String text = layout.doLayout(event);

        assertThat(text).startsWith("ERROR llamada de ******6543 perdida")
                .contains("IllegalArgumentException: teléfono ******6543 inválido")
                .doesNotContain("3109876543").doesNotContain("987 6543");
    }
}
