package org.ventanilla.core.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.users.AuditEntry;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;

/**
 * The log of staff reads of personal data (who, whose, when, why, what), written in the same transaction as the
 * read (see {@link CitizenDirectory}) and found by citizen or by staff user, oldest first. Entries are only added.
 */
public final class AuditLog {

    private static final String SEQUENCE = "audit_entries";

    private final RecordStore store;

    public AuditLog(RecordStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Writes an entry inside the caller's transaction: the read and its entry commit together or not at all. */
    public AuditEntry record(RecordTransaction tx, AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String id = UUID.randomUUID().toString();
        // The sequence orders entries of the same instant in the order they were written.
        String at = SortableTime.of(entry.at()) + ":" + SortableTime.sequence(store.nextInSequence(SEQUENCE));
        tx.insert(RecordKinds.AUDIT, id, StaffJson.audit(entry));
        tx.claimKey(RecordKinds.AUDIT_BY_CITIZEN, entry.citizenId() + ":" + at + ":" + id, id);
        tx.claimKey(RecordKinds.AUDIT_BY_STAFF, entry.staffUserId() + ":" + at + ":" + id, id);
        return entry;
    }

    /** Who read this citizen's data, oldest first. */
    public List<AuditEntry> entriesFor(CitizenId citizenId) {
        Objects.requireNonNull(citizenId, "citizenId");
        return list(RecordKinds.AUDIT_BY_CITIZEN, citizenId + ":");
    }

    /** Whose data this staff user read, oldest first. */
    public List<AuditEntry> entriesBy(String staffUserId) {
        RecordLimits.id("staff user id", staffUserId);
        return list(RecordKinds.AUDIT_BY_STAFF, staffUserId + ":");
    }

    private List<AuditEntry> list(String keyKind, String prefix) {
        return store.inTransaction(tx -> tx.keysWithPrefix(keyKind, prefix, RecordLimits.MAX_LIST_LIMIT).stream()
                .map(k -> tx.get(RecordKinds.AUDIT, k.id()).orElseThrow())
                .map(r -> StaffJson.audit(r.json()))
                .toList());
    }
}
