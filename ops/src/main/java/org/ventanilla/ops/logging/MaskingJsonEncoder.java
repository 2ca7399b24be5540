package org.ventanilla.ops.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's JSON-lines encoder with personal data masked ({@link PersonalDataMasker}) in the message, the key-value
 * pairs and exception messages. The raw message template and arguments are never written: only the formatted,
 * masked message.
 */
public final class MaskingJsonEncoder extends JsonEncoder {

    public MaskingJsonEncoder() {
        setWithMessage(false);
        setWithArguments(false);
        setWithFormattedMessage(true);
        setWithSequenceNumber(false);
        setWithNanoseconds(false);
        setWithContext(false);
    }

    @Override
    public void setWithArguments(boolean ignored) {
        // raw arguments are never written: they would bypass the masking
        super.setWithArguments(false);
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(new MaskedLoggingEvent(event));
    }
}
