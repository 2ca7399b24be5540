package org.ventanilla.core.domain.citizen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A citizen as Ventanilla knows them: typed identifiers, contact points, the records agencies and channels
 * hold, and the golden record built from those. A citizen has at least one identifier or contact point:
 * anonymous contacts do not create citizens. Duplicate identifiers and contact points are kept once.
 *
 * <p>{@link #toString()} prints identifiers and contact points masked and field names without values.
 *
 * @param id Ventanilla's id
 * @param identifiers identification documents (a person may hold several over a lifetime: RC, TI, CC)
 * @param contactPoints phones, emails, chat handles
 * @param sourceRecords what each source reported
 * @param goldenRecord the best known values, built from {@code sourceRecords}
 */
public record Citizen(CitizenId id, List<CitizenIdentifier> identifiers, List<ContactPoint> contactPoints,
        List<SourceRecord> sourceRecords, GoldenRecord goldenRecord) {

    public Citizen {
        Objects.requireNonNull(id, "id");
        identifiers = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(identifiers, "identifiers")));
        contactPoints = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(contactPoints, "contactPoints")));
        sourceRecords = List.copyOf(Objects.requireNonNull(sourceRecords, "sourceRecords"));
        Objects.requireNonNull(goldenRecord, "goldenRecord");
        if (identifiers.isEmpty() && contactPoints.isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "citizen " + id + " needs at least one identifier or contact point (anonymous contacts create no citizen)");
        }
    }

    /** A citizen whose golden record is built from {@code sourceRecords} by {@code rules}. */
    public static Citizen of(CitizenId id, List<CitizenIdentifier> identifiers, List<ContactPoint> contactPoints,
            List<SourceRecord> sourceRecords, Survivorship rules) {
        return new Citizen(id, identifiers, contactPoints, sourceRecords, rules.apply(sourceRecords));
    }

    /** The identifiers of one type (usually zero or one). */
    public List<CitizenIdentifier> identifiers(IdentifierType type) {
        return identifiers.stream().filter(i -> i.type() == type).toList();
    }

    /** The first identifier of one type. */
    public Optional<CitizenIdentifier> identifier(IdentifierType type) {
        return identifiers.stream().filter(i -> i.type() == type).findFirst();
    }

    /** The contact points of one kind. */
    public List<ContactPoint> contactPoints(ContactKind kind) {
        return contactPoints.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Whether this citizen holds this identifier. */
    public boolean has(CitizenIdentifier identifier) {
        return identifiers.contains(identifier);
    }

    /** Whether this citizen can be reached at this contact point. */
    public boolean has(ContactPoint contactPoint) {
        return contactPoints.contains(contactPoint);
    }

    /** A copy with one more identifier (unchanged if already held). */
    public Citizen withIdentifier(CitizenIdentifier identifier) {
        List<CitizenIdentifier> more = new ArrayList<>(identifiers);
        more.add(Objects.requireNonNull(identifier, "identifier"));
        return new Citizen(id, more, contactPoints, sourceRecords, goldenRecord);
    }

    /** A copy with one more contact point (unchanged if already held). */
    public Citizen withContactPoint(ContactPoint contactPoint) {
        List<ContactPoint> more = new ArrayList<>(contactPoints);
        more.add(Objects.requireNonNull(contactPoint, "contactPoint"));
        return new Citizen(id, identifiers, more, sourceRecords, goldenRecord);
    }

    /** A copy with one more source record and the golden record rebuilt by {@code rules}. */
    public Citizen withSourceRecord(SourceRecord record, Survivorship rules) {
        List<SourceRecord> more = new ArrayList<>(sourceRecords);
        more.add(Objects.requireNonNull(record, "record"));
        return new Citizen(id, identifiers, contactPoints, more, rules.apply(more));
    }
}
