package org.ventanilla.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.calendar.LegalTerm;
import org.ventanilla.core.domain.cases.CaseStatus;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.interaction.CallbackRequest;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.domain.interaction.InteractionId;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.StoredRecord;
import org.ventanilla.core.store.RecordKinds;

/**
 * What happens in core to a live contact that waited its queue's maximum, on every records adapter: it becomes a
 * deferred case with a radicado, or a stored callback request with the number the call came from; once, however often
 * and however concurrently it is asked.
 */
public interface OverflowIntakeContract {

    /** Tuesday 2026-11-24, 10:00 in Bogotá. */
    Instant TUESDAY_MORNING = IntakeContract.TUESDAY_MORNING;
    /** A Colombian mobile number as a caller id carries it. */
    String CALLER = "300 555 0101";

    RecordStore newStore();

    /** Per-test state, held by the implementing class. */
    Holder holder();

    /** The store and services under test. */
    final class Holder {
        RecordStore store;
        DefaultIntakeService intake;
        CallbackRequests callbacks;
    }

    @BeforeEach
    default void openStore() {
        holder().store = newStore();
        Clock clock = Clock.fixed(TUESDAY_MORNING, ZoneOffset.UTC);
        BusinessCalendar calendar = BusinessCalendar.colombia(clock);
        holder().intake = new DefaultIntakeService(holder().store, IntakeContract.CATALOG, IntakeContract.CLASSIFIER,
                new Deadlines(calendar), "", Survivorship.trusting("registraduria"));
        holder().callbacks = new CallbackRequests(holder().store, IntakeContract.CATALOG, calendar);
    }

    @AfterEach
    default void closeStore() {
        holder().store.close();
    }

    private IntakeResult call(String callId, String phone) {
        InboundContact.CitizenHints caller = phone == null ? null
                : new InboundContact.CitizenHints(null, null, phone, null, null, null);
        return holder().intake.receive(new InboundContact(Channel.VOICE, callId, TUESDAY_MORNING, caller, null, "",
                new InboundContact.ChannelContext("2", null, null), false, List.of()));
    }

    private IntakeResult chat(String chatId) {
        return holder().intake.receive(new InboundContact(Channel.CHAT, chatId, TUESDAY_MORNING, null, null,
                "cuánto debo del predial de mi casa", new InboundContact.ChannelContext(null, "estado-cuenta-predial", null), false,
                List.of()));
    }

    @Test
    default void anUnansweredChatBecomesADeferredCaseWithARadicadoOnce() {
        IntakeResult chat = chat("chat-desborde-1");
        assertThat(chat.caseNumber()).as("an immediate chat has no radicado yet").isEmpty();
        int eventsBefore = holder().store.unpublishedEvents(100).size();

        ServiceCase filed = holder().intake.deferToCase(chat.interactionId(), "desbordó la cola impuestos");
        ServiceCase again = holder().intake.deferToCase(chat.interactionId(), "desbordó la cola impuestos");

        assertThat(filed.number().value()).matches("2026-\\d{7}");
        assertThat(again).isEqualTo(filed);
        assertThat(filed.categoryCode()).isEqualTo("estado-cuenta-predial");
        assertThat(filed.owningTeam()).isEqualTo("hacienda");
        assertThat(filed.term()).as("an immediate category has no term of its own: a petition's").isEqualTo(LegalTerm.PETITION);
        assertThat(filed.receivedAt()).isEqualTo(TUESDAY_MORNING);
        // 15 business days from Wednesday 2026-11-25: December 8 (Inmaculada Concepción) is skipped.
        assertThat(filed.dueDate()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(filed.history().get(0).note()).isEqualTo("desbordó la cola impuestos");
        assertThat(holder().intake.statusOf(filed.number())).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(CaseStatus.FILED));
        Interaction deferred = holder().intake.interaction(chat.interactionId()).orElseThrow();
        assertThat(deferred.deferred()).isTrue();
        assertThat(deferred.radicado()).contains(filed.number());
        List<OutboxEvent> events = holder().store.unpublishedEvents(100);
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(DefaultIntakeService.EVENT_CASE_FILED);
        assertThat(events.get(events.size() - 1).payload()).contains(filed.number().value());
    }

    @Test
    default void aContactThatAlreadyHasARadicadoKeepsItsCase() {
        IntakeResult email = holder().intake.receive(new InboundContact(Channel.EMAIL, "<predial-42@example.org>", TUESDAY_MORNING,
                new InboundContact.CitizenHints(null, null, null, "maria.lopez@example.org", null, "María López"), "Predial",
                "cuánto debo del impuesto predial", new InboundContact.ChannelContext(null, "estado-cuenta-predial", null), false,
                List.of()));

        ServiceCase deferred = holder().intake.deferToCase(email.interactionId(), "desbordó la cola impuestos");

        assertThat(Optional.of(deferred.number())).isEqualTo(email.caseNumber());
        assertThat(holder().intake.interaction(email.interactionId()).orElseThrow().deferred()).isTrue();
    }

    @Test
    default void concurrentDeferralsOfOneContactFileOneCase() throws Exception {
        for (int round = 0; round < 3; round++) {
            IntakeResult chat = chat("chat-carrera-" + round);
            Set<String> numbers = new HashSet<>(race(() -> holder().intake.deferToCase(chat.interactionId(), "").number().value()));
            assertThat(numbers).hasSize(1);
            assertThat(holder().intake.interaction(chat.interactionId()).orElseThrow().radicado().map(n -> n.value()))
                    .contains(numbers.iterator().next());
        }
        long filedEvents = holder().store.unpublishedEvents(100).stream()
                .filter(e -> e.type().equals(DefaultIntakeService.EVENT_CASE_FILED)).count();
        assertThat(filedEvents).isEqualTo(3);
    }

    @Test
    default void anUnansweredCallIsStoredAsACallbackToTheNumberItCameFrom() {
        IntakeResult call = call("1700000000.42", CALLER);

        CallbackRequest callback = holder().callbacks.request(call.interactionId(), "impuestos").orElseThrow();

        assertThat(callback.phone().value()).isEqualTo("+573005550101");
        assertThat(callback.categoryCode()).isEqualTo("estado-cuenta-predial");
        assertThat(callback.owningTeam()).isEqualTo("hacienda");
        assertThat(callback.queue()).isEqualTo("impuestos");
        assertThat(callback.requestedAt()).isEqualTo(TUESDAY_MORNING);
        // by the end of the next business day, Wednesday 2026-11-25 in Bogotá
        assertThat(callback.dueAt()).isEqualTo(Instant.parse("2026-11-26T05:00:00Z"));
        assertThat(callback.workListId()).isEqualTo("callback:" + call.interactionId().value());
        assertThat(callback.toString()).doesNotContain("5550101").contains("+57");
        assertThat(holder().callbacks.find(call.interactionId())).contains(callback);
        assertThat(holder().store.unpublishedEvents(100)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(CallbackRequests.EVENT_CALLBACK_REQUESTED);
            assertThat(e.payload()).contains(call.interactionId().value()).doesNotContain("5550101");
        });
    }

    @Test
    default void aRepeatedOrConcurrentCallbackRequestStoresOneCallback() throws Exception {
        IntakeResult call = call("1700000000.43", CALLER);
        CallbackRequest first = holder().callbacks.request(call.interactionId(), "impuestos").orElseThrow();

        assertThat(holder().callbacks.request(call.interactionId(), "impuestos")).contains(first);

        IntakeResult racing = call("1700000000.44", "+57 301 555 0199");
        assertThat(new HashSet<>(race(() -> holder().callbacks.request(racing.interactionId(), "impuestos").orElseThrow()))).hasSize(1);
        long requested = holder().store.unpublishedEvents(100).stream()
                .filter(e -> e.type().equals(CallbackRequests.EVENT_CALLBACK_REQUESTED)).count();
        assertThat(requested).isEqualTo(2);
    }

    @Test
    default void aCallWithoutANumberStoresNoCallback() {
        IntakeResult withheld = call("1700000000.45", null);

        assertThat(holder().callbacks.request(withheld.interactionId(), "impuestos")).isEmpty();
        assertThat(holder().callbacks.find(withheld.interactionId())).isEmpty();
        Optional<StoredRecord> stored = holder().store.inTransaction(
                tx -> tx.get(RecordKinds.CALLBACK_REQUEST, withheld.interactionId().value()));
        assertThat(stored).isEmpty();
    }

    @Test
    default void anUnknownContactIsNotFound() {
        InteractionId unknown = InteractionId.random();

        assertThatThrownBy(() -> holder().intake.deferToCase(unknown, ""))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining(unknown.value());
        assertThatThrownBy(() -> holder().callbacks.request(unknown, "impuestos"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    /** Runs {@code work} on 8 threads released at once and returns every result. */
    private static <T> List<T> race(Supplier<T> work) throws Exception {
        int copies = 8;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Callable<T> call = () -> {
                    start.await();
                    return work.get();
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
