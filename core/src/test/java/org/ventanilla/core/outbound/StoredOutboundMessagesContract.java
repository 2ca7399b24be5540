package org.ventanilla.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboundMessage;
import org.ventanilla.core.port.OutboundMessage.State;
import org.ventanilla.core.port.OutboundMessage.Tracked;
import org.ventanilla.core.port.RecordStore;

/** {@link StoredOutboundMessages} over a real store; run over memory, H2 and PostgreSQL. */
public interface StoredOutboundMessagesContract {

    Instant START = Instant.parse("2026-05-04T13:00:00Z");
    DeliveryPolicy POLICY = new DeliveryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(2), 50);
    OutboundMessage CHAT_REPLY = new OutboundMessage("chat", "chat-session-7f3a", "i-1", null,
            "Su solicitud quedó radicada con el número 2026-0000123. ¿Algo más en que le podamos ayudar?", "ans-radicado", 3);
    OutboundMessage EMAIL_REPLY = new OutboundMessage("email", "maria.lopez@example.co", "i-2", "Respuesta a su petición",
            "Señora María: adjuntamos la respuesta de la Secretaría de Movilidad.", null, null);

    /** A new, empty store; the test closes it. */
    RecordStore newStore();

    @Test
    default void enqueuedMessageIsPendingUntilItsDriverDeliversIt() {
        try (RecordStore store = newStore()) {
            TestClock clock = new TestClock(START);
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, clock, POLICY);
            String id = store.inTransaction(tx -> outbound.enqueue(tx, CHAT_REPLY));
            assertThat(outbound.find(id)).contains(new Tracked(id, CHAT_REPLY, State.PENDING, 0, null));

            List<OutboundMessage> sent = new ArrayList<>();
            outbound.registerDriver("chat", sent::add);

            assertThat(outbound.deliverPending()).isEqualTo(1);
            assertThat(outbound.deliverPending()).isZero();
            assertThat(sent).containsExactly(CHAT_REPLY);
            assertThat(outbound.find(id)).contains(new Tracked(id, CHAT_REPLY, State.DELIVERED, 1, null));
        }
    }

    @Test
    default void messageOfARolledBackTransactionIsNeverDelivered() {
        try (RecordStore store = newStore()) {
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, new TestClock(START), POLICY);
            List<String> ids = new ArrayList<>();
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                ids.add(outbound.enqueue(tx, CHAT_REPLY));
                throw new IllegalStateException("the reply was not approved");
            })).isInstanceOf(IllegalStateException.class);
            List<OutboundMessage> sent = new ArrayList<>();
            outbound.registerDriver("chat", sent::add);

            assertThat(outbound.deliverPending()).isZero();
            assertThat(sent).isEmpty();
            assertThat(outbound.find(ids.get(0))).isEmpty();
        }
    }

    @Test
    default void messagesWaitForTheDriverOfTheirChannel() {
        try (RecordStore store = newStore()) {
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, new TestClock(START), POLICY);
            String chat = store.inTransaction(tx -> outbound.enqueue(tx, CHAT_REPLY));
            String email = store.inTransaction(tx -> outbound.enqueue(tx, EMAIL_REPLY));
            List<OutboundMessage> sent = new ArrayList<>();
            outbound.registerDriver("chat", sent::add);

            assertThat(outbound.deliverPending()).isEqualTo(1);
            assertThat(outbound.find(email).orElseThrow().state()).isEqualTo(State.PENDING);
            outbound.registerDriver("email", sent::add);
            assertThat(outbound.deliverPending()).isEqualTo(1);

            assertThat(sent).containsExactly(CHAT_REPLY, EMAIL_REPLY);
            assertThat(outbound.find(chat).orElseThrow().state()).isEqualTo(State.DELIVERED);
            assertThat(outbound.find(email).orElseThrow().state()).isEqualTo(State.DELIVERED);
        }
    }

    @Test
    default void retryableFailureCountsTheAttemptAndRetriesAfterTheDelay() {
        try (RecordStore store = newStore()) {
            TestClock clock = new TestClock(START);
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, clock, POLICY);
            String id = store.inTransaction(tx -> outbound.enqueue(tx, EMAIL_REPLY));
            AtomicInteger calls = new AtomicInteger();
            outbound.registerDriver("email", m -> {
                if (calls.incrementAndGet() == 1) {
                    throw new VentanillaException(ErrorCode.UNAVAILABLE, "SMTP server smtp.example.co:587 refused the connection");
                }
            });

            assertThat(outbound.deliverPending()).isZero();
            Tracked afterFailure = outbound.find(id).orElseThrow();
            assertThat(afterFailure.state()).isEqualTo(State.PENDING);
            assertThat(afterFailure.attempts()).isEqualTo(1);
            assertThat(afterFailure.lastError()).startsWith("UNAVAILABLE: SMTP server");

            clock.advance(Duration.ofSeconds(9));
            assertThat(outbound.deliverPending()).isZero();
            assertThat(calls.get()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            assertThat(outbound.deliverPending()).isEqualTo(1);
            Tracked delivered = outbound.find(id).orElseThrow();
            assertThat(delivered.state()).isEqualTo(State.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(2);
        }
    }

    @Test
    default void permanentFailureMarksTheMessageFailedWithoutRetrying() {
        try (RecordStore store = newStore()) {
            TestClock clock = new TestClock(START);
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, clock, POLICY);
            String id = store.inTransaction(tx -> outbound.enqueue(tx, EMAIL_REPLY));
            AtomicInteger calls = new AtomicInteger();
            outbound.registerDriver("email", m -> {
                calls.incrementAndGet();
                throw new VentanillaException(ErrorCode.REJECTED_CONTENT, "mailbox does not exist (550)");
            });

            outbound.deliverPending();
            clock.advance(Duration.ofHours(1));
            outbound.deliverPending();

            assertThat(calls.get()).isEqualTo(1);
            assertThat(outbound.find(id)).contains(new Tracked(id, EMAIL_REPLY, State.FAILED, 1,
                    "REJECTED_CONTENT: mailbox does not exist (550)"));
        }
    }

    @Test
    default void messageFailsForGoodOnceItsAttemptsRunOut() {
        try (RecordStore store = newStore()) {
            TestClock clock = new TestClock(START);
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, clock, POLICY);
            String id = store.inTransaction(tx -> outbound.enqueue(tx, CHAT_REPLY));
            AtomicInteger calls = new AtomicInteger();
            outbound.registerDriver("chat", m -> {
                calls.incrementAndGet();
                throw new IllegalStateException("websocket closed");
            });

            for (int i = 0; i < 6; i++) {
                outbound.deliverPending();
                clock.advance(Duration.ofMinutes(1));
            }

            assertThat(calls.get()).isEqualTo(POLICY.maxAttempts());
            Tracked failed = outbound.find(id).orElseThrow();
            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).isEqualTo("IllegalStateException: websocket closed");
        }
    }

    @Test
    default void messagesOfAChannelAreDeliveredInTheOrderTheyWereEnqueued() {
        try (RecordStore store = newStore()) {
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, new TestClock(START), POLICY);
            List<String> bodies = List.of("Buenos días", "Su radicado es 2026-0000124", "¿Desea algo más?", "Gracias por escribirnos");
            for (String body : bodies) {
                OutboundMessage message = new OutboundMessage("chat", "chat-session-1", "i-9", null, body, null, null);
                store.inTransaction(tx -> outbound.enqueue(tx, message));
            }
            List<String> sent = new ArrayList<>();
            outbound.registerDriver("chat", m -> sent.add(m.body()));

            assertThat(outbound.deliverPending()).isEqualTo(4);
            assertThat(sent).containsExactlyElementsOf(bodies);
        }
    }

    @Test
    default void messageLeftByACrashedDelivererIsRetriedAfterTheClaimTimeout() {
        try (RecordStore store = newStore()) {
            TestClock clock = new TestClock(START);
            StoredOutboundMessages crashing = StoredOutboundMessages.create(store, clock, POLICY);
            String id = store.inTransaction(tx -> crashing.enqueue(tx, CHAT_REPLY));
            crashing.registerDriver("chat", m -> {
                throw new SimulatedCrash();
            });
            assertThatThrownBy(crashing::deliverPending).isInstanceOf(SimulatedCrash.class);

            StoredOutboundMessages survivor = StoredOutboundMessages.create(store, clock, POLICY);
            List<OutboundMessage> sent = new ArrayList<>();
            survivor.registerDriver("chat", sent::add);
            assertThat(survivor.deliverPending()).isZero();
            clock.advance(POLICY.claimTimeout());
            assertThat(survivor.deliverPending()).isEqualTo(1);

            assertThat(sent).containsExactly(CHAT_REPLY);
            assertThat(survivor.find(id).orElseThrow().attempts()).isEqualTo(2);
        }
    }

    @Test
    default void twoDeliverersOverOneStoreDeliverEachMessageOnce() throws Exception {
        try (RecordStore store = newStore()) {
            TestClock clock = new TestClock(START);
            StoredOutboundMessages first = StoredOutboundMessages.create(store, clock, POLICY);
            StoredOutboundMessages second = StoredOutboundMessages.create(store, clock, POLICY);
            int count = 40;
            for (int i = 0; i < count; i++) {
                String body = "mensaje " + i;
                store.inTransaction(tx -> first.enqueue(tx, new OutboundMessage("chat", "chat-session-2", "i-3", null, body, null, null)));
            }
            ConcurrentHashMap<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            List<String> sent = new CopyOnWriteArrayList<>();
            StoredOutboundMessages.OutboundDriver driver = m -> {
                deliveries.computeIfAbsent(m.body(), b -> new AtomicInteger()).incrementAndGet();
                sent.add(m.body());
            };
            first.registerDriver("chat", driver);
            second.registerDriver("chat", driver);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(() -> drain(first));
                Future<Integer> b = pool.submit(() -> drain(second));
                assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(count);
            } finally {
                pool.shutdownNow();
            }

            assertThat(deliveries).hasSize(count);
            assertThat(sent).hasSize(count);
            assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
    }

    @Test
    default void secondDriverRegistrationReplacesTheFirst() {
        try (RecordStore store = newStore()) {
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, new TestClock(START), POLICY);
            store.inTransaction(tx -> outbound.enqueue(tx, CHAT_REPLY));
            List<String> used = new ArrayList<>();
            outbound.registerDriver("chat", m -> used.add("old"));
            outbound.registerDriver("chat", m -> used.add("new"));

            outbound.deliverPending();

            assertThat(used).containsExactly("new");
        }
    }

    @Test
    default void unknownIdIsNotFoundAndBadChannelsAreRefused() {
        try (RecordStore store = newStore()) {
            StoredOutboundMessages outbound = StoredOutboundMessages.create(store, new TestClock(START), POLICY);

            assertThat(outbound.find("no-such-message")).isEmpty();
            assertThatThrownBy(() -> store.inTransaction(tx -> outbound.enqueue(tx,
                    new OutboundMessage("chat/web", "s-1", null, null, "hola", null, null))))
                    .isInstanceOf(VentanillaException.class)
                    .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
    }

    private static int drain(StoredOutboundMessages outbound) {
        int total = 0;
        for (int round = 0; round < 20; round++) {
            total += outbound.deliverPending();
        }
        return total;
    }

    /** A driver "crash": an error no delivery code catches, leaving the claimed message behind. */
    final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A clock the test moves by hand. */
    final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
