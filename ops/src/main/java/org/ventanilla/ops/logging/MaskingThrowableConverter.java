package org.ventanilla.ops.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedEx}: the stack trace with personal data in exception messages masked ({@link PersonalDataMasker}). */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasker.mask(super.convert(event));
    }
}
