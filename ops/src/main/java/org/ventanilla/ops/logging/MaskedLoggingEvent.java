package org.ventanilla.ops.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event seen through {@link PersonalDataMasker}: message, key-value pairs and exception messages masked;
 * the raw arguments hidden. Everything else is the wrapped event's.
 */
final class MaskedLoggingEvent implements ILoggingEvent {

    private final ILoggingEvent event;

    MaskedLoggingEvent(ILoggingEvent event) {
        this.event = event;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getMessage() {
        return PersonalDataMasker.mask(event.getMessage());
    }

    @Override
    public Object[] getArgumentArray() {
        return null;
    }

    @Override
    public String getFormattedMessage() {
        return PersonalDataMasker.mask(event.getFormattedMessage());
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return MaskedThrowableProxy.wrap(event.getThrowableProxy());
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @Deprecated
    public Map<String, String> getMdc() {
        return event.getMDCPropertyMap();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return null;
        }
        return pairs.stream()
                .map(p -> new KeyValuePair(p.key, p.value == null ? null : PersonalDataMasker.mask(String.valueOf(p.value))))
                .toList();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }

    /** An exception seen through the masker: its message and those of its causes and suppressed ones. */
    private static final class MaskedThrowableProxy implements IThrowableProxy {

        private final IThrowableProxy proxy;

        private MaskedThrowableProxy(IThrowableProxy proxy) {
            this.proxy = proxy;
        }

        static IThrowableProxy wrap(IThrowableProxy proxy) {
            return proxy == null ? null : new MaskedThrowableProxy(proxy);
        }

        @Override
        public String getOverridingMessage() {
            return PersonalDataMasker.mask(proxy.getOverridingMessage());
        }

        @Override
        public String getMessage() {
            return PersonalDataMasker.mask(proxy.getMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return wrap(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] masked = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                masked[i] = wrap(suppressed[i]);
            }
            return masked;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
