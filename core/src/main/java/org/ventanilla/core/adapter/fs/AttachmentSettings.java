package org.ventanilla.core.adapter.fs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Settings of {@link FileSystemAttachments}. Start from {@link #defaults(Path)} and change what differs.
 *
 * @param directory where attachments live (content and metadata side by side, in subfolders named by id)
 * @param maxBytes largest attachment accepted
 * @param allowedMediaTypes media types accepted, as detected from the content ({@code type/subtype}, lower case)
 * @param retention how long an attachment is kept before {@link FileSystemAttachments#purgeExpired} deletes it
 * @param virusScanner scans every attachment before it is kept, when present
 * @param whenScannerDown what to do when the scanner is configured but cannot scan
 * @param clock gives the storage time
 */
public record AttachmentSettings(Path directory, long maxBytes, Set<String> allowedMediaTypes, Duration retention,
        Optional<VirusScanner> virusScanner, WhenScannerDown whenScannerDown, Clock clock) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public static final Set<String> DEFAULT_ALLOWED_MEDIA_TYPES =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain");

    /** One year; the city's archive rules may ask for more. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    /** What to do with an attachment when the configured virus scanner cannot scan it. */
    public enum WhenScannerDown {
        /** Refuse it with UNAVAILABLE (the default): nothing unscanned is kept. */
        REJECT,
        /** Keep it unscanned (its metadata says so) and log a warning. */
        STORE_UNSCANNED
    }

    public AttachmentSettings {
        if (directory == null) {
            throw invalid("attachment directory is missing");
        }
        if (maxBytes < 1) {
            throw invalid("attachment maximum size (" + maxBytes + " bytes) must be at least 1 byte");
        }
        if (allowedMediaTypes == null || allowedMediaTypes.isEmpty()) {
            throw invalid("allowed attachment media types are missing");
        }
        Set<String> normalized = new TreeSet<>();
        for (String type : allowedMediaTypes) {
            String lower = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
            if (!MEDIA_TYPE.matcher(lower).matches()) {
                throw invalid("allowed attachment media type '" + type + "' is not of the form type/subtype");
            }
            normalized.add(lower);
        }
        allowedMediaTypes = Set.copyOf(normalized);
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw invalid("attachment retention (" + retention + ") must be positive");
        }
        if (virusScanner == null) {
            throw invalid("attachment virus scanner option is missing (use Optional.empty())");
        }
        if (whenScannerDown == null) {
            throw invalid("attachment policy when the scanner is down is missing");
        }
        if (clock == null) {
            throw invalid("attachment clock is missing");
        }
    }

    /** 10 MiB, images, PDF and plain text, one year, no virus scanner, the system clock. */
    public static AttachmentSettings defaults(Path directory) {
        return new AttachmentSettings(directory, DEFAULT_MAX_BYTES, DEFAULT_ALLOWED_MEDIA_TYPES, DEFAULT_RETENTION,
                Optional.empty(), WhenScannerDown.REJECT, Clock.systemUTC());
    }

    public AttachmentSettings withMaxBytes(long newMaxBytes) {
        return new AttachmentSettings(directory, newMaxBytes, allowedMediaTypes, retention, virusScanner, whenScannerDown, clock);
    }

    public AttachmentSettings withAllowedMediaTypes(Set<String> types) {
        return new AttachmentSettings(directory, maxBytes, types, retention, virusScanner, whenScannerDown, clock);
    }

    public AttachmentSettings withRetention(Duration newRetention) {
        return new AttachmentSettings(directory, maxBytes, allowedMediaTypes, newRetention, virusScanner, whenScannerDown, clock);
    }

    /** Scans every attachment with {@code scanner}; {@code null} turns scanning off. */
    public AttachmentSettings withVirusScanner(VirusScanner scanner) {
        return new AttachmentSettings(directory, maxBytes, allowedMediaTypes, retention, Optional.ofNullable(scanner),
                whenScannerDown, clock);
    }

    public AttachmentSettings withWhenScannerDown(WhenScannerDown policy) {
        return new AttachmentSettings(directory, maxBytes, allowedMediaTypes, retention, virusScanner, policy, clock);
    }

    public AttachmentSettings withClock(Clock newClock) {
        return new AttachmentSettings(directory, maxBytes, allowedMediaTypes, retention, virusScanner, whenScannerDown, newClock);
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
