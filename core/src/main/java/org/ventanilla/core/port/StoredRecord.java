package org.ventanilla.core.port;

import java.time.Instant;
import java.util.Objects;

/** One record as stored: kind, id, version (1 on insert, +1 per update), JSON body and last update time. */
public record StoredRecord(String kind, String id, long version, String json, Instant updatedAt) {

    public StoredRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version (" + version + ") must be at least 1");
        }
    }
}
