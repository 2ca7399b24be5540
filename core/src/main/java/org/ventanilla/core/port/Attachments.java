package org.ventanilla.core.port;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Attachments of messages and cases: stored with a size limit, the type detected from the content (not
 * from the name), an optional virus scan, and a retention period after which they are purged.
 */
public interface Attachments {

    /**
     * Stores the content.
     *
     * @throws org.ventanilla.core.error.VentanillaException LIMIT_EXCEEDED when over the size limit,
     *     REJECTED_CONTENT for a type not allowed or a virus found, UNAVAILABLE when the disk is full or the
     *     scanner is down; nothing is left behind in any of these cases
     */
    AttachmentInfo store(String fileName, InputStream content);

    /** What is known about a stored attachment. */
    Optional<AttachmentInfo> describe(String id);

    /** The content; empty when unknown or purged. */
    Optional<InputStream> open(String id);

    /** Deletes attachments stored before {@code now - retention}; returns how many. */
    int purgeExpired(Instant now);

    /** One stored attachment. */
    record AttachmentInfo(String id, String fileName, String mediaType, long size, String sha256, Instant storedAt) {
    }
}
