package org.ventanilla.ops.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The encoder of the one console appender: JSON lines ({@link MaskingJsonEncoder}) when {@code format} is
 * {@code json}, the {@code pattern} (which should use {@code %maskedMsg} and {@code %maskedEx}) when it is
 * {@code text}. One appender whose format is a property keeps {@code logback.xml} free of conditionals.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "json";
    private String pattern = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %maskedMsg%n%maskedEx";
    private Encoder<ILoggingEvent> delegate;

    /** {@code json} or {@code text}. */
    public void setFormat(String format) {
        this.format = format;
    }

    /** The pattern of the text format. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        String chosen = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("text")) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            delegate = text;
        } else {
            if (!chosen.equals("json")) {
                addWarn("log format '" + format + "' is not allowed (json, text); writing json");
            }
            delegate = new MaskingJsonEncoder();
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
