package org.ventanilla.ops.overflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.intake.CallbackRequests;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;

/** What each overflow event becomes in core, before any work list is involved. */
class OverflowActionsTest {

    private static final Catalog CATALOG = CatalogLoader.demo();
    private static final Classifier CLASSIFIER = Classifier.train(CATALOG);
    /** Tuesday 2026-11-24, 10:00 in Bogotá. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T15:00:00Z");
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final RecordStore store = MemoryRecordStore.create();
    private final BusinessCalendar calendar = BusinessCalendar.colombia(Clock.fixed(TUESDAY_MORNING, ZoneOffset.UTC));
    private final DefaultIntakeService intake = new DefaultIntakeService(store, CATALOG, CLASSIFIER, new Deadlines(calendar), "",
            Survivorship.trusting("registraduria"));
    private final CallbackRequests callbacks = new CallbackRequests(store, CATALOG, calendar);
    private final OverflowActions actions = new OverflowActions(store, intake, callbacks, BOGOTA);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCallWithANumberBecomesACallbackListedUnderItsOwnId() {
        IntakeResult call = call("1732550400.1", "310 555 0123");

        OverflowActions.Listing listing = actions.prepare(overflowed(call, "impuestos", "CALLBACK",
                org.ventanilla.routing.api.Channel.VOICE)).orElseThrow();

        assertThat(listing.kind()).isEqualTo(OverflowActions.Listing.Kind.CALLBACK);
        assertThat(listing.entry().caseId()).isEqualTo("callback:" + call.interactionId().value());
        assertThat(listing.entry().teamId()).isEqualTo("hacienda");
        assertThat(callbacks.find(call.interactionId())).isPresent();
    }

    @Test
    void aCallbackForAChatOrACallWithoutANumberBecomesADeferredCaseInstead() {
        IntakeResult chat = intake.receive(new InboundContact(Channel.CHAT, "chat-1", TUESDAY_MORNING, null, null,
                "necesito el paz y salvo para la notaría", new InboundContact.ChannelContext(null, "paz-y-salvo", null), false,
                List.of()));
        IntakeResult withheld = call("1732550400.2", null);

        OverflowActions.Listing forChat = actions.prepare(overflowed(chat, "impuestos", "CALLBACK",
                org.ventanilla.routing.api.Channel.CHAT)).orElseThrow();
        OverflowActions.Listing forWithheld = actions.prepare(overflowed(withheld, "impuestos", "CALLBACK",
                org.ventanilla.routing.api.Channel.VOICE)).orElseThrow();

        assertThat(forChat.kind()).isEqualTo(OverflowActions.Listing.Kind.DEFERRED_CASE);
        assertThat(intake.interaction(chat.interactionId()).orElseThrow().radicado().map(n -> n.value()))
                .contains(forChat.entry().caseId());
        assertThat(forWithheld.kind()).isEqualTo(OverflowActions.Listing.Kind.DEFERRED_CASE);
        assertThat(callbacks.find(withheld.interactionId())).isEmpty();
        // the case is due when its due date ends in Bogotá: 15 business days from 2026-11-25 is 2026-12-16
        assertThat(forChat.entry().dueAt()).isEqualTo(Instant.parse("2026-12-17T05:00:00Z"));
        assertThat(forChat.entry().receivedAt()).isEqualTo(TUESDAY_MORNING);
    }

    @Test
    void aListedOverflowOtherEventsAndItemsThatAreNoContactsNeedNothing() {
        IntakeResult chat = intake.receive(new InboundContact(Channel.CHAT, "chat-2", TUESDAY_MORNING, null, null,
                "¿atienden los sábados?", new InboundContact.ChannelContext(null, "horarios-sedes", null), false, List.of()));
        RoutingEvent event = overflowed(chat, "general", "DEFERRED_CASE", org.ventanilla.routing.api.Channel.CHAT);
        OverflowActions.Listing first = actions.prepare(event).orElseThrow();
        actions.listed(first);

        assertThat(actions.isListed(chat.interactionId().value())).isTrue();
        assertThat(actions.prepare(event)).as("listed before").isEmpty();
        assertThat(actions.prepare(new RoutingEvent(RoutingEventType.OVERFLOWED, TUESDAY_MORNING, "danos-y-servicios",
                chat.interactionId().value(), null, org.ventanilla.routing.api.Channel.CHAT, TUESDAY_MORNING, null,
                "OTHER_QUEUE:general"))).as("moved by routing itself").isEmpty();
        assertThat(actions.prepare(new RoutingEvent(RoutingEventType.ABANDONED, TUESDAY_MORNING, "general", "x", null,
                org.ventanilla.routing.api.Channel.CHAT, TUESDAY_MORNING, null, null))).isEmpty();
        assertThat(actions.prepare(new RoutingEvent(RoutingEventType.OVERFLOWED, TUESDAY_MORNING, "tramites", "correo-1", null,
                org.ventanilla.routing.api.Channel.EMAIL, TUESDAY_MORNING, null, "DEFERRED_CASE"))).as("not a contact id").isEmpty();
        assertThat(actions.prepare(new RoutingEvent(RoutingEventType.OVERFLOWED, TUESDAY_MORNING, "tramites",
                "0b8e6a43-2f7e-4c1b-9d51-6f0c2a9e7d11", null, org.ventanilla.routing.api.Channel.EMAIL, TUESDAY_MORNING, null,
                "DEFERRED_CASE"))).as("no such interaction").isEmpty();
    }

    private IntakeResult call(String callId, String phone) {
        return intake.receive(new InboundContact(Channel.VOICE, callId, TUESDAY_MORNING,
                phone == null ? null : new InboundContact.CitizenHints(null, null, phone, null, null, null), null, "",
                new InboundContact.ChannelContext("2", null, null), false, List.of()));
    }

    private static RoutingEvent overflowed(IntakeResult contact, String queue, String action, org.ventanilla.routing.api.Channel channel) {
        return new RoutingEvent(RoutingEventType.OVERFLOWED, TUESDAY_MORNING.plusSeconds(301), queue, contact.interactionId().value(),
                null, channel, TUESDAY_MORNING, null, action);
    }
}
