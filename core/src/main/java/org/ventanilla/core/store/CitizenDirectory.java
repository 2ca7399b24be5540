package org.ventanilla.core.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.citizen.Citizen;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.ContactPoint;
import org.ventanilla.core.domain.citizen.IdentityStatus;
import org.ventanilla.core.domain.citizen.SourceRecord;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.domain.interaction.InteractionId;
import org.ventanilla.core.domain.users.AuditEntry;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.StoredRecord;

/**
 * Staff access to citizens' personal data. Every read goes through {@link #view}, which writes its
 * {@link AuditEntry} in the same transaction as the read: there is no read without its entry, and no entry for a
 * read that failed. Agents confirm proposed identities and add contact points here (also audited); agencies' data
 * arrives through {@link #addSourceRecord}, which rebuilds the golden record.
 *
 * <p>Merging two citizen records is not done here yet: it must be logged and reversible (DESIGN.md), and needs its
 * own record of what moved where. Until then, {@link #confirmIdentity} refuses to move an interaction from one
 * citizen to another.
 */
public final class CitizenDirectory {

    /** What {@link #view} reads, as written in the audit log. */
    public static final String READ_UNIFIED_VIEW = "vista unificada: identificadores, contactos, registros fuente, historial, casos";
    /** What {@link #confirmIdentity} reads, as written in the audit log. */
    public static final String READ_IDENTITY_CONFIRMATION = "confirmación de identidad de la interacción ";
    /** What {@link #addContactPoint} touches, as written in the audit log. */
    public static final String READ_CONTACT_POINT_ADDED = "punto de contacto agregado por el agente";
    /** Most interactions the view shows. */
    public static final int MAX_INTERACTIONS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(CitizenDirectory.class);

    private final RecordStore store;
    private final Survivorship survivorship;
    private final Clock clock;
    private final AuditLog audit;

    public CitizenDirectory(RecordStore store, Survivorship survivorship, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.survivorship = Objects.requireNonNull(survivorship, "survivorship");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = new AuditLog(store);
    }

    /**
     * The unified view of a citizen for a staff user, with the audit entry of this read written in the same
     * transaction.
     *
     * @param staffUserId the enabled staff user who reads
     * @param id the citizen
     * @param purpose why (the task that needs it); required
     * @throws VentanillaException INVALID_INPUT for a blank purpose, FORBIDDEN for an unknown or disabled staff user,
     *     NOT_FOUND for an unknown citizen; nothing is read and nothing is logged in those cases
     */
    public CitizenView view(String staffUserId, CitizenId id, String purpose) {
        Objects.requireNonNull(id, "id");
        AuditEntry entry = new AuditEntry(staffUserId, id.toString(), clock.instant(), purpose, READ_UNIFIED_VIEW);
        CitizenView view = store.inTransaction(tx -> {
            requireStaff(tx, staffUserId);
            Citizen citizen = requireCitizen(tx, id).citizen();
            List<Interaction> interactions = interactionsOf(tx, id);
            List<ServiceCase> openCases = new ArrayList<>();
            for (Interaction interaction : interactions) {
                interaction.radicado()
                        .flatMap(n -> tx.findByKey(RecordKinds.CASE_BY_NUMBER, n.value()))
                        .flatMap(caseId -> tx.get(RecordKinds.CASE, caseId))
                        .map(r -> DomainJson.serviceCase(r.json()))
                        .filter(c -> c.status().isOpen())
                        .ifPresent(openCases::add);
            }
            openCases.sort(Comparator.comparing(ServiceCase::dueDate).thenComparing(c -> c.number().value()));
            audit.record(tx, entry);
            return new CitizenView(citizen, interactions, openCases, ConsentLog.latest(tx, id).orElse(null));
        });
        LOG.info("staff user {} viewed citizen {}", staffUserId, id);
        return view;
    }

    /**
     * An agent confirms that a contact comes from a citizen: the interaction's identity status becomes CONFIRMED
     * (an anonymous interaction is linked to the citizen). Recorded in the audit log.
     *
     * @throws VentanillaException NOT_FOUND for an unknown interaction or citizen, FORBIDDEN for an unknown or
     *     disabled staff user, CONFLICT when the interaction belongs to another citizen (that is a merge)
     */
    public Interaction confirmIdentity(String staffUserId, InteractionId interactionId, CitizenId citizenId) {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(citizenId, "citizenId");
        AuditEntry entry = new AuditEntry(staffUserId, citizenId.toString(), clock.instant(),
                "confirmar la identidad de quien contacta", READ_IDENTITY_CONFIRMATION + interactionId.value());
        Interaction confirmed = store.inTransaction(tx -> {
            requireStaff(tx, staffUserId);
            requireCitizen(tx, citizenId);
            StoredRecord stored = tx.get(RecordKinds.INTERACTION, RecordLimits.id("interaction id", interactionId.value()))
                    .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "interaction " + interactionId.value()
                            + " does not exist"));
            Interaction i = DomainJson.interaction(stored.json());
            if (i.citizenId() != null && !i.citizenId().equals(citizenId)) {
                throw new VentanillaException(ErrorCode.CONFLICT, "interaction " + i.id().value()
                        + " is linked to another citizen; moving it is a merge, which is not supported yet");
            }
            Interaction next = i.linkedTo(citizenId, IdentityStatus.CONFIRMED);
            tx.update(RecordKinds.INTERACTION, i.id().value(), stored.version(), DomainJson.interaction(next));
            if (i.citizenId() == null) {
                tx.claimKey(RecordKinds.INTERACTION_BY_CITIZEN,
                        RecordKinds.citizenHistoryKey(citizenId.toString(), i.receivedAt(), i.id().value()), i.id().value());
            }
            audit.record(tx, entry);
            return next;
        });
        LOG.info("staff user {} confirmed citizen {} for interaction {}", staffUserId, citizenId, interactionId.value());
        return confirmed;
    }

    /**
     * An agent adds a contact point the citizen gave (for example the email of a chat login once the caller's
     * identity is confirmed). Recorded in the audit log.
     *
     * @throws VentanillaException CONFLICT when the contact point belongs to another citizen (that is a merge)
     */
    public void addContactPoint(String staffUserId, CitizenId citizenId, ContactPoint contactPoint, String purpose) {
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(contactPoint, "contactPoint");
        AuditEntry entry = new AuditEntry(staffUserId, citizenId.toString(), clock.instant(), purpose, READ_CONTACT_POINT_ADDED);
        store.inTransaction(tx -> {
            requireStaff(tx, staffUserId);
            Loaded loaded = requireCitizen(tx, citizenId);
            if (!tx.claimKey(RecordKinds.CITIZEN_BY_CONTACT, contactPoint.kind().name() + ":" + contactPoint.value(),
                    citizenId.toString())) {
                throw new VentanillaException(ErrorCode.CONFLICT, "contact point " + contactPoint
                        + " belongs to another citizen; joining them is a merge, which is not supported yet");
            }
            Citizen next = loaded.citizen().withContactPoint(contactPoint);
            tx.update(RecordKinds.CITIZEN, citizenId.toString(), loaded.version(), DomainJson.citizen(next));
            audit.record(tx, entry);
            return null;
        });
        LOG.info("staff user {} added a {} contact point to citizen {}", staffUserId, contactPoint.kind(), citizenId);
    }

    /**
     * Adds what an agency's register (or a channel) says about a citizen and rebuilds the golden record with the
     * survivorship rules; disagreements between trusted sources show in the view as discrepancies. A system
     * operation: it returns nothing personal and is not a staff read.
     *
     * @return the fields on which trusted sources now disagree (names only)
     * @throws VentanillaException NOT_FOUND for an unknown citizen
     */
    public List<String> addSourceRecord(CitizenId citizenId, SourceRecord record) {
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(record, "record");
        List<String> discrepancies = store.inTransaction(tx -> {
            Loaded loaded = requireCitizen(tx, citizenId);
            Citizen next = loaded.citizen().withSourceRecord(record, survivorship);
            tx.update(RecordKinds.CITIZEN, citizenId.toString(), loaded.version(), DomainJson.citizen(next));
            return next.goldenRecord().discrepancies().stream().map(d -> d.field()).toList();
        });
        LOG.info("source {} added to citizen {}: fields {}, discrepancies on {}", record.source(), citizenId, record.fields().keySet(),
                discrepancies);
        return discrepancies;
    }

    private static List<Interaction> interactionsOf(RecordTransaction tx, CitizenId id) {
        List<Interaction> interactions = new ArrayList<>();
        for (RecordTransaction.KeyEntry key : tx.keysWithPrefix(RecordKinds.INTERACTION_BY_CITIZEN, id + ":", MAX_INTERACTIONS)) {
            tx.get(RecordKinds.INTERACTION, key.id()).map(r -> DomainJson.interaction(r.json())).ifPresent(interactions::add);
        }
        // Keys hold Instant.toString(), which does not sort by time within a second: order by the stored time.
        interactions.sort(Comparator.comparing(Interaction::receivedAt).reversed().thenComparing(i -> i.id().value()));
        return interactions;
    }

    private Loaded requireCitizen(RecordTransaction tx, CitizenId id) {
        StoredRecord stored = tx.get(RecordKinds.CITIZEN, id.toString())
                .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "citizen " + id + " does not exist"));
        return new Loaded(DomainJson.citizen(stored.json(), survivorship), stored.version());
    }

    private static void requireStaff(RecordTransaction tx, String staffUserId) {
        Optional<User> user = staffUserId.length() > RecordLimits.MAX_ID_LENGTH ? Optional.empty()
                : tx.get(RecordKinds.USER, staffUserId).map(r -> StaffJson.user(r.json()));
        if (user.isEmpty() || !user.get().enabled()) {
            throw new VentanillaException(ErrorCode.FORBIDDEN, "staff user '" + shorten(staffUserId)
                    + "' is unknown or disabled: no access to personal data");
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private record Loaded(Citizen citizen, long version) {
    }
}
