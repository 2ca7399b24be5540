package org.ventanilla.core.adapter.fs;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** Scans content for viruses before an attachment is kept (ClamAV's daemon in production). */
public interface VirusScanner {

    /**
     * Reads the whole content and says whether it carries a known threat.
     *
     * @throws org.ventanilla.core.error.VentanillaException UNAVAILABLE when the scanner cannot be reached or
     *     cannot scan (a timeout, a size limit of the scanner, an unexpected reply)
     */
    Verdict scan(InputStream content);

    /** The outcome of one scan: clean, or the name of the threat found (a signature name, never content). */
    record Verdict(Optional<String> threat) {

        public Verdict {
            Objects.requireNonNull(threat, "threat");
        }

        public static Verdict clean() {
            return new Verdict(Optional.empty());
        }

        public static Verdict infected(String threatName) {
            return new Verdict(Optional.of(threatName));
        }

        public boolean isClean() {
            return threat.isEmpty();
        }
    }
}
