package org.ventanilla.core.intake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.citizen.ContactKind;
import org.ventanilla.core.domain.citizen.PhoneNumber;
import org.ventanilla.core.domain.interaction.CallbackRequest;
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
 * Callbacks owed to citizens whose call waited its queue's maximum: stored durably (record kind
 * {@value RecordKinds#CALLBACK_REQUEST}, one per contact) with the number to dial and a due time, the end of the next
 * business day, so that an agent of the owning team calls back. Blocking: call it off the event loop.
 */
public final class CallbackRequests {

    /** Outbox event type of a stored callback request (ids only, no phone number). */
    public static final String EVENT_CALLBACK_REQUESTED = "callback.requested";
    /** Business days an agent has to call back, counted from the day after the request. */
    public static final int BUSINESS_DAYS_TO_CALL_BACK = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CallbackRequests.class);

    private final RecordStore store;
    private final Catalog catalog;
    private final BusinessCalendar calendar;

    public CallbackRequests(RecordStore store, Catalog catalog, BusinessCalendar calendar) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Stores the callback owed for a contact that overflowed from {@code queue}, or returns the one stored before
     * (idempotent, also when called twice at once). The number is the phone the contact carried, else a phone on the
     * record of the citizen it was linked to; with neither there is nobody to call and nothing is stored.
     *
     * @return the callback, or empty when no number is known
     * @throws VentanillaException NOT_FOUND when there is no such interaction
     */
    public Optional<CallbackRequest> request(InteractionId interactionId, String queue) {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(queue, "queue");
        for (int attempt = 1; ; attempt++) {
            try {
                return requestOnce(interactionId, queue);
            } catch (VentanillaException e) {
                // a second delivery stored it in between: the next attempt finds it
                if (e.code() != ErrorCode.CONFLICT || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private Optional<CallbackRequest> requestOnce(InteractionId interactionId, String queue) {
        Instant now = calendar.clock().instant();
        Created created = store.inTransaction(tx -> {
            Optional<StoredRecord> existing = tx.get(RecordKinds.CALLBACK_REQUEST, interactionId.value());
            if (existing.isPresent()) {
                return new Created(Optional.of(DomainJson.callbackRequest(existing.get().json())), false);
            }
            Interaction contact = tx.get(RecordKinds.INTERACTION, interactionId.value()).map(r -> DomainJson.interaction(r.json()))
                    .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "interaction " + interactionId.value()
                            + " does not exist"));
            Optional<PhoneNumber> phone = phoneOf(tx, contact);
            if (phone.isEmpty()) {
                return new Created(Optional.empty(), false);
            }
            Category category = catalog.find(contact.categoryCode()).orElseGet(catalog::general);
            LocalDate lastDay = calendar.addBusinessDays(calendar.receiptDate(now), BUSINESS_DAYS_TO_CALL_BACK);
            CallbackRequest callback = new CallbackRequest(interactionId, phone.get(), category.code(), category.owningTeam(), queue,
                    now, lastDay.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
            tx.insert(RecordKinds.CALLBACK_REQUEST, interactionId.value(), DomainJson.callbackRequest(callback));
            tx.appendEvent(new OutboxEvent.Draft(RecordKinds.CALLBACK_REQUEST, interactionId.value(), EVENT_CALLBACK_REQUESTED,
                    new JsonObject().put("interactionId", interactionId.value()).put("team", callback.owningTeam())
                            .put("category", callback.categoryCode()).put("queue", queue).put("dueAt", callback.dueAt().toString())
                            .encode()));
            return new Created(Optional.of(callback), true);
        });
        created.callback().filter(c -> created.isNew())
                .ifPresent(c -> LOG.info("callback requested for interaction {} to {} (team {}, due {})", interactionId,
                        c.phone(), c.owningTeam(), c.dueAt()));
        return created.callback();
    }

    /** The callback stored for that contact, if any. */
    public Optional<CallbackRequest> find(InteractionId interactionId) {
        return store.inTransaction(tx -> tx.get(RecordKinds.CALLBACK_REQUEST, interactionId.value()))
                .map(r -> DomainJson.callbackRequest(r.json()));
    }

    private static Optional<PhoneNumber> phoneOf(RecordTransaction tx, Interaction contact) {
        Optional<PhoneNumber> carried = contact.contactPoint(ContactKind.PHONE).map(PhoneNumber.class::cast);
        if (carried.isPresent() || contact.citizenId() == null) {
            return carried;
        }
        // a contact stored before interactions kept their contact points: the linked citizen's first phone
        return tx.get(RecordKinds.CITIZEN, contact.citizenId().toString()).flatMap(citizen -> {
            JsonArray points = new JsonObject(citizen.json()).getJsonArray("contactPoints", new JsonArray());
            for (int i = 0; i < points.size(); i++) {
                JsonObject point = points.getJsonObject(i);
                if (ContactKind.PHONE.name().equals(point.getString("kind"))) {
                    return Optional.of(new PhoneNumber(point.getString("value")));
                }
            }
            return Optional.empty();
        });
    }

    private record Created(Optional<CallbackRequest> callback, boolean isNew) {
    }
}
