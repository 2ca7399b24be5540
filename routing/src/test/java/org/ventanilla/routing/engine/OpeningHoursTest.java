package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.TransferRequest;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.WeeklyHours;

/** A closed queue refuses new voice and chat (the channel plays its out-of-hours message) and holds email and Open311. */
class OpeningHoursTest {

    private static final WeeklyHours OFFICE = WeeklyHours.in(EngineHarness.BOGOTA)
            .weekdays("07:00", "17:00")
            .open(DayOfWeek.SATURDAY, "08:00", "12:00")
            .closedOn(LocalDate.of(2025, 3, 24))
            .build();

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("tramites").openHours(OFFICE).build())
            .queue(QueueSpec.builder("nocturna").build());

    @Test
    void aCallOutOfHoursIsRefusedWithAClearMessage() {
        h.clock.set(Instant.parse("2025-03-04T23:30:00Z"));

        assertThatThrownBy(() -> h.enqueue("llamada", "tramites", Channel.VOICE, 5))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("queue 'tramites' is closed at 2025-03-04T23:30:00Z and takes no VOICE contacts out of hours");
        assertThat(h.engine.item("llamada")).isEmpty();
        assertThat(h.events(RoutingEventType.REJECTED)).singleElement().extracting(RoutingEvent::detail).isEqualTo("closed");
    }

    @Test
    void aChatOnAHolidayIsRefused() {
        h.clock.set(Instant.parse("2025-03-24T15:00:00Z"));

        assertThatThrownBy(() -> h.enqueue("chat", "tramites", Channel.CHAT, 5))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void emailAndOpen311OutOfHoursAreHeldUntilAgentsArrive() {
        h.clock.set(Instant.parse("2025-03-08T20:00:00Z"));
        h.enqueue("correo", "tramites", Channel.EMAIL, 3);
        h.enqueue("open311", "tramites", Channel.OPEN311, 3);
        assertThat(h.engine.waiting("tramites")).extracting(WorkItemView::status).containsOnly(ItemStatus.WAITING).hasSize(2);

        h.clock.set(Instant.parse("2025-03-10T12:00:00Z"));
        h.available(agent("ana.gomez", "tramites").capacity(Channel.EMAIL, 5).capacity(Channel.OPEN311, 5).build());

        assertThat(h.offeredTo("ana.gomez")).containsExactly("correo", "open311");
    }

    @Test
    void callsAreTakenDuringOpeningHours() {
        h.clock.set(Instant.parse("2025-03-08T14:00:00Z"));

        assertThat(h.enqueue("llamada", "tramites", Channel.VOICE, 5).status()).isEqualTo(ItemStatus.WAITING);
    }

    @Test
    void callsWaitingAtClosingTimeStayAndAreServed() {
        h.clock.set(Instant.parse("2025-03-04T21:59:00Z"));
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.seconds(120);

        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());

        assertThat(h.offeredAgent("llamada")).isEqualTo("ana.gomez");
    }

    @Test
    void aTransferOfACallToAClosedQueueIsRefusedAndTheCallStaysWhereItWas() {
        h.clock.set(Instant.parse("2025-03-04T23:30:00Z"));
        h.enqueue("llamada", "nocturna", Channel.VOICE, 5);

        assertThatThrownBy(() -> h.engine.transfer(TransferRequest.toQueue("llamada", "tramites")))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::queueId).isEqualTo("nocturna");
    }
}
