package org.ventanilla.core.intake;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.calendar.LegalTerm;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.cases.CaseStatus;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.cases.StatusChange;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.catalog.ResolutionClass;
import org.ventanilla.core.domain.citizen.ChatHandle;
import org.ventanilla.core.domain.citizen.Citizen;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.CitizenIdentifier;
import org.ventanilla.core.domain.citizen.ContactPoint;
import org.ventanilla.core.domain.citizen.EmailAddress;
import org.ventanilla.core.domain.citizen.IdentityStatus;
import org.ventanilla.core.domain.citizen.PhoneNumber;
import org.ventanilla.core.domain.citizen.SourceRecord;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classification;
import org.ventanilla.core.domain.classification.ClassificationRequest;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.domain.interaction.InteractionId;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.StoredRecord;
import org.ventanilla.core.store.DomainJson;
import org.ventanilla.core.store.RecordKinds;

/**
 * The intake of every contact. Validation and classification happen before the transaction (bad input
 * stores nothing); the interaction, its case, the citizen links and the outbox events are written in one
 * transaction, guarded by the (channel, external id) key so that a contact delivered twice, even at the
 * same moment, is stored once.
 */
public final class DefaultIntakeService implements IntakeService {

    /** Outbox event type of a stored contact. */
    public static final String EVENT_INTERACTION_RECEIVED = "interaction.received";
    /** Outbox event type of a filed case. */
    public static final String EVENT_CASE_FILED = "case.filed";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultIntakeService.class);

    private final RecordStore store;
    private final Catalog catalog;
    private final Classifier classifier;
    private final Deadlines deadlines;
    private final String radicadoPrefix;
    private final Survivorship survivorship;
    private final Clock clock;

    public DefaultIntakeService(RecordStore store, Catalog catalog, Classifier classifier, Deadlines deadlines,
            String radicadoPrefix, Survivorship survivorship) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.radicadoPrefix = radicadoPrefix == null ? "" : radicadoPrefix;
        this.survivorship = Objects.requireNonNull(survivorship, "survivorship");
        this.clock = deadlines.calendar().clock();
        CaseNumber.of(this.radicadoPrefix, 2000, 1);
    }

    @Override
    public IntakeResult receive(InboundContact contact) {
        Objects.requireNonNull(contact, "contact");
        Hints hints = Hints.parse(contact.citizen());
        requireKnownCategories(contact.context());
        Classification classification = classifier.classify(new ClassificationRequest(contact.context().ivrChoice(),
                contact.context().chatTopic(), contact.context().open311ServiceCode(), contact.subject(), contact.text()));
        Category category = catalog.require(classification.categoryCode());
        boolean deferred = category.resolutionClass() == ResolutionClass.DEFERRED;
        boolean petition = deferred || contact.petition() || contact.channel() == Channel.EMAIL
                || contact.channel() == Channel.OPEN311;
        String externalKey = contact.channel().code() + ":" + contact.externalId();
        InteractionId newId = InteractionId.random();

        if (petition) {
            store.ensureSequence(RecordKinds.radicadoSequence(deadlines.calendar().receiptDate(contact.receivedAt()).getYear()));
        }
        IntakeResult result = store.inTransaction(tx -> {
            if (!tx.claimKey(RecordKinds.INTERACTION_BY_EXTERNAL_ID, externalKey, newId.value())) {
                return duplicate(tx, externalKey);
            }
            Link link = hints.anonymous() ? Link.NONE : link(tx, hints, contact);
            ServiceCase serviceCase = petition ? fileCase(tx, newId, category, contact.receivedAt(), link.citizenId(), "") : null;
            Interaction interaction = new Interaction(newId, contact.channel(), Interaction.Direction.INBOUND,
                    contact.externalId(), contact.receivedAt(), link.citizenId(), link.status(), category.code(),
                    classification.confidence(), deferred, classification.emergency(),
                    serviceCase == null ? null : serviceCase.number(), contact.subject(), contact.text(), contact.attachmentIds(),
                    hints.contactPoints());
            tx.insert(RecordKinds.INTERACTION, newId.value(), DomainJson.interaction(interaction));
            if (link.citizenId() != null) {
                tx.claimKey(RecordKinds.INTERACTION_BY_CITIZEN,
                        RecordKinds.citizenHistoryKey(link.citizenId().toString(), contact.receivedAt(), newId.value()), newId.value());
            }
            tx.appendEvent(new OutboxEvent.Draft(RecordKinds.INTERACTION, newId.value(), EVENT_INTERACTION_RECEIVED,
                    receivedEvent(interaction, category, serviceCase)));
            if (serviceCase != null) {
                tx.appendEvent(caseFiled(serviceCase));
            }
            return result(interaction, false, serviceCase == null ? null : serviceCase.dueDate());
        });
        LOG.info("contact {} on {} stored as interaction {} (category {}, {}{}{})", result.duplicate() ? "repeated" : "received",
                contact.channel().code(), result.interactionId(), result.categoryCode(),
                result.deferred() ? "deferred" : "immediate", result.caseNumber().map(n -> ", radicado " + n).orElse(""),
                result.emergency() ? ", EMERGENCY" : "");
        return result;
    }

    /**
     * Turns a live contact that could not be answered (it waited its queue's maximum) into deferred work: a case with a
     * radicado, the legal term of its category (a petition's when the category has none) counted from the contact's
     * receipt, owned by the category's team; the interaction is marked deferred and points to the case; a
     * {@value #EVENT_CASE_FILED} event is recorded with them. A contact that already has a radicado (an email, an
     * Open311 request, a petition) keeps it: its case is returned. Idempotent, also when called twice at once: the
     * second call returns the first call's case (a radicado taken by the call that lost the race is a gap).
     *
     * @param interactionId the contact (routing's work item id)
     * @param note          why, kept in the case's first status (for example the queue it waited in)
     * @throws VentanillaException NOT_FOUND when there is no such interaction
     */
    public ServiceCase deferToCase(InteractionId interactionId, String note) {
        Objects.requireNonNull(interactionId, "interactionId");
        for (int attempt = 1; ; attempt++) {
            try {
                return deferOnce(interactionId, note == null ? "" : note);
            } catch (VentanillaException e) {
                // another delivery of the same overflow filed it in between: the next attempt finds its case
                if (e.code() != ErrorCode.CONFLICT || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private ServiceCase deferOnce(InteractionId interactionId, String note) {
        Interaction known = interaction(interactionId).orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND,
                "interaction " + interactionId.value() + " does not exist"));
        if (known.radicado().isEmpty()) {
            store.ensureSequence(RecordKinds.radicadoSequence(deadlines.calendar().receiptDate(known.receivedAt()).getYear()));
        }
        boolean[] filedNow = new boolean[1];
        ServiceCase result = store.inTransaction(tx -> {
            filedNow[0] = false;
            StoredRecord stored = tx.get(RecordKinds.INTERACTION, interactionId.value()).orElseThrow(() -> new VentanillaException(
                    ErrorCode.NOT_FOUND, "interaction " + interactionId.value() + " does not exist"));
            Interaction current = DomainJson.interaction(stored.json());
            if (current.radicado().isPresent()) {
                ServiceCase existing = tx.findByKey(RecordKinds.CASE_BY_NUMBER, current.radicado().get().value())
                        .flatMap(id -> tx.get(RecordKinds.CASE, id)).map(r -> DomainJson.serviceCase(r.json()))
                        .orElseThrow(() -> new VentanillaException(ErrorCode.INTERNAL, "case " + current.radicado().get()
                                + " of interaction " + interactionId.value() + " is missing"));
                if (!current.deferred()) {
                    tx.update(RecordKinds.INTERACTION, interactionId.value(), stored.version(),
                            DomainJson.interaction(current.deferredAs(existing.number())));
                }
                return existing;
            }
            // a category removed from the catalog since the contact came in: a person reviews it in the general one
            Category category = catalog.find(current.categoryCode()).orElseGet(catalog::general);
            ServiceCase filed = fileCase(tx, interactionId, category, current.receivedAt(), current.citizenId(), note);
            tx.update(RecordKinds.INTERACTION, interactionId.value(), stored.version(),
                    DomainJson.interaction(current.deferredAs(filed.number())));
            tx.appendEvent(caseFiled(filed));
            filedNow[0] = true;
            return filed;
        });
        if (filedNow[0]) {
            LOG.info("interaction {} deferred to case {} (category {}, team {}, due {})", interactionId, result.number(),
                    result.categoryCode(), result.owningTeam(), result.dueDate());
        }
        return result;
    }

    private static OutboxEvent.Draft caseFiled(ServiceCase serviceCase) {
        return new OutboxEvent.Draft(RecordKinds.CASE, serviceCase.number().value(), EVENT_CASE_FILED,
                new JsonObject().put("caseNumber", serviceCase.number().value())
                        .put("interactionId", serviceCase.interactionId().value()).put("category", serviceCase.categoryCode())
                        .put("team", serviceCase.owningTeam()).put("dueDate", serviceCase.dueDate().toString())
                        .encode());
    }

    /** The public status of a case by its radicado: status, category and due date, nothing personal. */
    public Optional<ServiceCase.PublicStatus> statusOf(CaseNumber number) {
        return store.inTransaction(tx -> tx.findByKey(RecordKinds.CASE_BY_NUMBER, number.value())
                .flatMap(id -> tx.get(RecordKinds.CASE, id))
                .map(r -> DomainJson.serviceCase(r.json()).publicStatus()));
    }

    /** A topic or service code that names no category is a client's mistake: refuse it rather than guess. */
    private void requireKnownCategories(InboundContact.ChannelContext context) {
        if (context.chatTopic() != null && catalog.find(context.chatTopic().strip()).isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "unknown chat topic '" + shorten(context.chatTopic())
                    + "' (it must be a category code of the catalog)");
        }
        if (context.open311ServiceCode() != null && catalog.byOpen311Code(context.open311ServiceCode().strip()).isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "unknown Open311 service_code '"
                    + shorten(context.open311ServiceCode()) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private IntakeResult duplicate(RecordTransaction tx, String externalKey) {
        String id = tx.findByKey(RecordKinds.INTERACTION_BY_EXTERNAL_ID, externalKey)
                .orElseThrow(() -> new VentanillaException(ErrorCode.INTERNAL, "external key without interaction"));
        Interaction first = tx.get(RecordKinds.INTERACTION, id).map(r -> DomainJson.interaction(r.json()))
                .orElseThrow(() -> new VentanillaException(ErrorCode.INTERNAL, "interaction " + id + " is missing"));
        LocalDate due = first.radicado().flatMap(n -> tx.findByKey(RecordKinds.CASE_BY_NUMBER, n.value()))
                .flatMap(caseId -> tx.get(RecordKinds.CASE, caseId)).map(r -> DomainJson.serviceCase(r.json()).dueDate())
                .orElse(null);
        return result(first, true, due);
    }

    private static IntakeResult result(Interaction i, boolean duplicate, LocalDate due) {
        return new IntakeResult(i.id(), duplicate, i.categoryCode(), i.confidence(), i.deferred(), i.emergency(),
                i.radicado(), Optional.ofNullable(due), Optional.ofNullable(i.citizenId()),
                Optional.ofNullable(i.identityStatus()));
    }

    private ServiceCase fileCase(RecordTransaction tx, InteractionId interactionId, Category category, Instant receivedAt,
            CitizenId citizenId, String note) {
        LocalDate receiptDate = deadlines.calendar().receiptDate(receivedAt);
        int year = receiptDate.getYear();
        CaseNumber number = CaseNumber.of(radicadoPrefix, year, store.nextInSequence(RecordKinds.radicadoSequence(year)));
        LegalTerm term = category.legalTermCode() == null ? LegalTerm.PETITION : LegalTerm.valueOf(category.legalTermCode());
        LocalDate due = deadlines.dueDate(receivedAt, term);
        ServiceCase serviceCase = new ServiceCase(number, interactionId, category.code(), category.owningTeam(), term, receivedAt,
                receiptDate, due, citizenId, List.of(new StatusChange(CaseStatus.FILED, clock.instant(), "system", note)));
        String caseId = number.value();
        tx.insert(RecordKinds.CASE, caseId, DomainJson.serviceCase(serviceCase));
        if (!tx.claimKey(RecordKinds.CASE_BY_NUMBER, number.value(), caseId)) {
            throw new VentanillaException(ErrorCode.CONFLICT, "radicado " + number + " is already taken");
        }
        tx.claimKey(RecordKinds.CASE_BY_TEAM_DUE, category.owningTeam() + ":" + due + ":" + number.value(), caseId);
        return serviceCase;
    }

    /**
     * Finds the citizen: an identifier confirms, a phone, email or chat handle only proposes. A person seen
     * for the first time gets a citizen record holding what the channel told.
     */
    private Link link(RecordTransaction tx, Hints hints, InboundContact contact) {
        if (hints.identifier() != null) {
            String key = hints.identifier().type().name() + ":" + hints.identifier().value();
            Optional<String> known = tx.findByKey(RecordKinds.CITIZEN_BY_IDENTIFIER, key);
            if (known.isPresent()) {
                return new Link(CitizenId.parse(known.get()), IdentityStatus.CONFIRMED);
            }
        }
        for (ContactPoint point : hints.contactPoints()) {
            Optional<String> known = tx.findByKey(RecordKinds.CITIZEN_BY_CONTACT, point.kind().name() + ":" + point.value());
            if (known.isPresent()) {
                // Even with a new identifier beside it, a known phone or email only proposes: an agent decides.
                return new Link(CitizenId.parse(known.get()), IdentityStatus.PROPOSED);
            }
        }
        CitizenId id = CitizenId.random();
        List<CitizenIdentifier> identifiers = hints.identifier() == null ? List.of() : List.of(hints.identifier());
        List<SourceRecord> sources = new ArrayList<>();
        if (hints.name() != null) {
            sources.add(new SourceRecord(contact.channel().code(), contact.receivedAt(), Map.of("full_name", hints.name())));
        }
        Citizen citizen = Citizen.of(id, identifiers, hints.contactPoints(), sources, survivorship);
        tx.insert(RecordKinds.CITIZEN, id.toString(), DomainJson.citizen(citizen));
        for (CitizenIdentifier identifier : identifiers) {
            tx.claimKey(RecordKinds.CITIZEN_BY_IDENTIFIER, identifier.type().name() + ":" + identifier.value(), id.toString());
        }
        for (ContactPoint point : hints.contactPoints()) {
            tx.claimKey(RecordKinds.CITIZEN_BY_CONTACT, point.kind().name() + ":" + point.value(), id.toString());
        }
        return new Link(id, hints.identifier() != null ? IdentityStatus.CONFIRMED : IdentityStatus.PROPOSED);
    }

    private static String receivedEvent(Interaction i, Category category, ServiceCase serviceCase) {
        return new JsonObject()
                .put("interactionId", i.id().value())
                .put("channel", i.channel().code())
                .put("externalId", i.externalId())
                .put("receivedAt", i.receivedAt().toString())
                .put("category", category.code())
                .put("queue", category.queue())
                .put("team", category.owningTeam())
                .put("deferred", i.deferred())
                .put("emergency", i.emergency())
                .put("citizenId", i.citizenId() == null ? null : i.citizenId().toString())
                .put("caseNumber", serviceCase == null ? null : serviceCase.number().value())
                .put("dueDate", serviceCase == null ? null : serviceCase.dueDate().toString())
                .encode();
    }

    /** The stored record of an interaction, for readers of the outbox. */
    public Optional<Interaction> interaction(InteractionId id) {
        return store.inTransaction(tx -> tx.get(RecordKinds.INTERACTION, id.value()).map(StoredRecord::json)
                .map(DomainJson::interaction));
    }

    private record Link(CitizenId citizenId, IdentityStatus status) {
        static final Link NONE = new Link(null, null);
    }

    /** The citizen's own words about themselves, validated before anything is stored. */
    private record Hints(CitizenIdentifier identifier, List<ContactPoint> contactPoints, String name) {

        static Hints parse(InboundContact.CitizenHints raw) {
            CitizenIdentifier identifier = null;
            if (present(raw.identifierValue())) {
                if (!present(raw.identifierType())) {
                    throw new VentanillaException(ErrorCode.INVALID_INPUT, "an identifier was given without its type");
                }
                identifier = CitizenIdentifier.parse(raw.identifierType(), raw.identifierValue());
            }
            List<ContactPoint> points = new ArrayList<>();
            if (present(raw.phone())) {
                points.add(PhoneNumber.parse(raw.phone()));
            }
            if (present(raw.email())) {
                points.add(EmailAddress.parse(raw.email()));
            }
            if (present(raw.chatHandle())) {
                points.add(ChatHandle.parse(raw.chatHandle()));
            }
            String name = present(raw.name()) ? raw.name().strip() : null;
            if (name != null && name.length() > 200) {
                throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                        "name length (" + name.length() + ") exceeds the allowed maximum (200)");
            }
            return new Hints(identifier, points, name);
        }

        boolean anonymous() {
            return identifier == null && contactPoints.isEmpty();
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }
}
