package org.ventanilla.ops.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMsg}: the formatted message with personal data masked ({@link PersonalDataMasker}). */
public final class MaskingConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasker.mask(event.getFormattedMessage());
    }
}
