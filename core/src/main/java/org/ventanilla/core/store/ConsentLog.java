package org.ventanilla.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.users.ConsentRecord;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;

/**
 * Every consent decision of a citizen (Ley 1581 de 2012): which notice, when, on which channel, with what evidence,
 * granted or withdrawn. Records are only added, never changed, so the history is the evidence; the latest decision
 * (by its time) is the current state.
 */
public final class ConsentLog {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentLog.class);

    private static final String SEQUENCE = "consent_records";

    private final RecordStore store;

    public ConsentLog(RecordStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Records a consent decision in its own transaction.
     *
     * @throws VentanillaException INVALID_INPUT when the citizen id is not a citizen id, NOT_FOUND when no such
     *     citizen is stored
     */
    public ConsentRecord record(ConsentRecord consent) {
        store.inTransaction(tx -> record(tx, consent));
        LOG.info("consent {} for notice {} recorded on {}", consent.granted() ? "granted" : "withdrawn", consent.noticeVersion(),
                consent.channel());
        return consent;
    }

    /** Records a consent decision inside the caller's transaction (for example with the contact that carried it). */
    public ConsentRecord record(RecordTransaction tx, ConsentRecord consent) {
        Objects.requireNonNull(consent, "consent");
        CitizenId citizen = CitizenId.parse(consent.citizenId());
        if (tx.get(RecordKinds.CITIZEN, citizen.toString()).isEmpty()) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "citizen " + citizen + " does not exist");
        }
        String id = UUID.randomUUID().toString();
        tx.insert(RecordKinds.CONSENT, id, StaffJson.consent(consent));
        tx.claimKey(RecordKinds.CONSENT_BY_CITIZEN, citizen + ":" + SortableTime.of(consent.at()) + ":"
                + SortableTime.sequence(store.nextInSequence(SEQUENCE)) + ":" + id, id);
        return consent;
    }

    /** The citizen's consent decisions, oldest first. */
    public List<ConsentRecord> history(CitizenId citizenId) {
        Objects.requireNonNull(citizenId, "citizenId");
        return store.inTransaction(tx -> history(tx, citizenId));
    }

    /** The citizen's latest decision: empty when they never decided. */
    public Optional<ConsentRecord> latest(CitizenId citizenId) {
        Objects.requireNonNull(citizenId, "citizenId");
        return store.inTransaction(tx -> latest(tx, citizenId));
    }

    /** Whether the citizen's latest decision grants consent (false when they never decided or withdrew). */
    public boolean isGranted(CitizenId citizenId) {
        return latest(citizenId).map(ConsentRecord::granted).orElse(false);
    }

    static List<ConsentRecord> history(RecordTransaction tx, CitizenId citizenId) {
        return tx.keysWithPrefix(RecordKinds.CONSENT_BY_CITIZEN, citizenId + ":", RecordLimits.MAX_LIST_LIMIT).stream()
                .map(k -> tx.get(RecordKinds.CONSENT, k.id()).orElseThrow())
                .map(r -> StaffJson.consent(r.json()))
                .toList();
    }

    static Optional<ConsentRecord> latest(RecordTransaction tx, CitizenId citizenId) {
        List<ConsentRecord> all = history(tx, citizenId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
