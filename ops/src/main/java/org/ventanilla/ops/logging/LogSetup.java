package org.ventanilla.ops.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.ops.config.ValueTypes;

/**
 * Applies {@code log.format} and {@code log.level} once the configuration is known: reloads {@code logback.xml} with
 * the two values as context properties (the file selects the {@code json} or {@code text} appender by them).
 */
public final class LogSetup {

    /** The context property {@code logback.xml} reads to choose the appender. */
    public static final String FORMAT_PROPERTY = "VENTANILLA_LOG_FORMAT";
    /** The context property {@code logback.xml} reads for the root level. */
    public static final String LEVEL_PROPERTY = "VENTANILLA_LOG_LEVEL";

    private LogSetup() {
    }

    /** Reconfigures logback for {@code log}; does nothing when the SLF4J binding is not logback. */
    public static void apply(Settings.Log log) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        URL config = LogSetup.class.getResource("/logback.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty(FORMAT_PROPERTY, ValueTypes.configName(log.format()));
        context.putProperty(LEVEL_PROPERTY, log.level().name().toUpperCase(Locale.ROOT));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml in the server jar does not load", e);
        }
    }
}
