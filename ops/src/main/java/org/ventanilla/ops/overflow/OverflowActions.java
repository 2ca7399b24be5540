package org.ventanilla.ops.overflow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.interaction.CallbackRequest;
import org.ventanilla.core.domain.interaction.InteractionId;
import org.ventanilla.core.intake.CallbackRequests;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.RecordKinds;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.OverflowAction;

/**
 * Carries out, through core, the overflow actions routing leaves to others: a contact that waited its queue's maximum
 * with {@code DEFERRED_CASE} becomes a deferred case with a radicado; a voice contact with {@code CALLBACK} becomes a
 * stored callback request to the number the call came from. Either is then listed on the owning team's work list. A
 * {@code CALLBACK} for a contact that cannot be called back (a chat, an email, a call without a number) becomes a
 * deferred case instead, so that it is not lost.
 *
 * <p>Idempotent by work item id (the interaction id): core files one case or stores one callback per contact however
 * often it is asked, and once the work-list entry is made the item is marked ({@link RecordKinds#OVERFLOW_LISTED}) so
 * that a repeated event lists nothing again, even after the case was closed. Plain Java and blocking (it reads and
 * writes the records port); {@link OverflowHandler} runs it from the event bus.
 */
public final class OverflowActions {

    private static final Logger LOG = LoggerFactory.getLogger(OverflowActions.class);

    private final RecordStore store;
    private final DefaultIntakeService intake;
    private final CallbackRequests callbacks;
    private final ZoneId zone;

    /**
     * @param store     the records port intake writes to (where the listed marks are kept)
     * @param intake    turns a contact into a deferred case
     * @param callbacks stores callback requests
     * @param zone      the entity's time zone: a case is due when its due date ends there
     */
    public OverflowActions(RecordStore store, DefaultIntakeService intake, CallbackRequests callbacks, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** What an overflow became and the entry to put on the team's work list. */
    public record Listing(String itemId, Kind kind, CaseRequest entry) {

        /** What the contact became. */
        public enum Kind {
            /** A deferred case; the entry's case id is its radicado. */
            DEFERRED_CASE,
            /** A callback request; the entry's case id is {@code callback:<interaction id>}. */
            CALLBACK
        }
    }

    /** Whether this routing event asks for a callback or a deferred case (the events this class acts on). */
    public static boolean concerns(RoutingEvent event) {
        return event.type() == RoutingEventType.OVERFLOWED && event.itemId() != null
                && (OverflowAction.Kind.CALLBACK.name().equals(event.detail())
                        || OverflowAction.Kind.DEFERRED_CASE.name().equals(event.detail()));
    }

    /**
     * Files the case or stores the callback for an overflow event and returns the work-list entry to add; empty when
     * there is nothing to do: not such an event, already listed, or an item that is no stored contact (logged).
     *
     * @throws org.ventanilla.core.error.VentanillaException UNAVAILABLE when the database cannot be reached (try again)
     */
    public Optional<Listing> prepare(RoutingEvent event) {
        if (!concerns(event)) {
            return Optional.empty();
        }
        InteractionId contact;
        try {
            contact = new InteractionId(event.itemId());
        } catch (IllegalArgumentException notAContact) {
            LOG.warn("overflowed work item '{}' of queue '{}' is not a contact taken in by intake; no {} is made for it",
                    event.itemId(), event.queueId(), event.detail());
            return Optional.empty();
        }
        if (isListed(event.itemId())) {
            LOG.debug("overflow of work item {} was handled before; nothing to do", event.itemId());
            return Optional.empty();
        }
        if (intake.interaction(contact).isEmpty()) {
            LOG.warn("overflowed work item {} of queue '{}' names no stored interaction; no {} is made for it", event.itemId(),
                    event.queueId(), event.detail());
            return Optional.empty();
        }
        if (OverflowAction.Kind.CALLBACK.name().equals(event.detail())) {
            if (event.channel() == Channel.VOICE) {
                Optional<CallbackRequest> callback = callbacks.request(contact, event.queueId());
                if (callback.isPresent()) {
                    CallbackRequest c = callback.get();
                    return Optional.of(new Listing(event.itemId(), Listing.Kind.CALLBACK,
                            new CaseRequest(c.workListId(), c.owningTeam(), c.categoryCode(), c.requestedAt(), c.dueAt())));
                }
                LOG.info("overflowed call {} carries no number to call back; it becomes a deferred case", event.itemId());
            } else {
                LOG.info("overflowed {} contact {} cannot be called back; it becomes a deferred case", event.channel(),
                        event.itemId());
            }
        }
        ServiceCase filed = intake.deferToCase(contact, note(event));
        Instant due = filed.dueDate().plusDays(1).atStartOfDay(zone).toInstant();
        return Optional.of(new Listing(event.itemId(), Listing.Kind.DEFERRED_CASE,
                new CaseRequest(filed.number().value(), filed.owningTeam(), filed.categoryCode(), filed.receivedAt(), due)));
    }

    /** Marks the item's overflow as listed (after routing took the work-list entry): a repeated event adds nothing. */
    public void listed(Listing listing) {
        store.inTransaction(tx -> tx.claimKey(RecordKinds.OVERFLOW_LISTED, listing.itemId(), listing.entry().caseId()));
    }

    /** Whether the item's overflow is on a work list already. */
    public boolean isListed(String itemId) {
        return store.inTransaction(tx -> tx.findByKey(RecordKinds.OVERFLOW_LISTED, itemId)).isPresent();
    }

    private static String note(RoutingEvent event) {
        Duration waited = event.waited();
        return "desbordó la cola " + event.queueId() + (waited == null ? "" : " tras " + waited.toSeconds() + " s de espera");
    }
}
