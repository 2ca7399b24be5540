package org.ventanilla.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;

/** The outbox relay over a real store; run over memory and H2. */
public interface OutboxRelayContract {

    Duration WAIT = Duration.ofSeconds(10);

    /** A new, empty store; the test closes it. */
    RecordStore newStore();

    @Test
    default void eventsArePublishedOnceInOrderAndMarkedPublished() {
        try (RecordStore store = newStore()) {
            storeInteractions(store, 1, 5);
            List<String> published = new ArrayList<>();
            OutboxRelay relay = OutboxRelay.create(store, e -> published.add(e.aggregateId()), new RelayOptions().setBatchSize(2));

            assertThat(relay.runOnce()).isEqualTo(2);
            assertThat(relay.runOnce()).isEqualTo(2);
            assertThat(relay.runOnce()).isEqualTo(1);
            assertThat(relay.runOnce()).isZero();

            assertThat(published).containsExactly("i-1", "i-2", "i-3", "i-4", "i-5");
            assertThat(store.unpublishedEvents(10)).isEmpty();
        }
    }

    @Test
    default void publisherFailureStopsTheBatchAndTheRetryKeepsTheOrder() {
        try (RecordStore store = newStore()) {
            storeInteractions(store, 1, 5);
            List<String> published = new ArrayList<>();
            AtomicBoolean brokerDown = new AtomicBoolean(true);
            Consumer<OutboxEvent> publisher = e -> {
                if (e.aggregateId().equals("i-3") && brokerDown.get()) {
                    throw new VentanillaException(ErrorCode.UNAVAILABLE, "event bus unavailable");
                }
                published.add(e.aggregateId());
            };
            OutboxRelay relay = OutboxRelay.create(store, publisher, new RelayOptions());

            assertThat(relay.runOnce()).isEqualTo(2);
            assertThat(relay.runOnce()).isZero();
            assertThat(store.unpublishedEvents(10)).extracting(OutboxEvent::aggregateId).containsExactly("i-3", "i-4", "i-5");
            brokerDown.set(false);
            assertThat(relay.runOnce()).isEqualTo(3);

            assertThat(published).containsExactly("i-1", "i-2", "i-3", "i-4", "i-5");
        }
    }

    @Test
    default void eventsStoredWhileNoRelayRanArePublishedByALaterRelay() {
        try (RecordStore store = newStore()) {
            // The node crashed after committing and before any relay published: a new relay instance finds the events.
            OutboxRelay crashed = OutboxRelay.create(store, e -> {
                throw new AssertionError("never runs");
            }, new RelayOptions());
            storeInteractions(store, 1, 3);
            crashed.close();

            List<String> published = new ArrayList<>();
            OutboxRelay later = OutboxRelay.create(store, e -> published.add(e.aggregateId()), new RelayOptions());
            later.runOnce();

            assertThat(published).containsExactly("i-1", "i-2", "i-3");
        }
    }

    @Test
    default void eventsPublishedButNotMarkedArePublishedAgainLater() {
        try (RecordStore store = newStore()) {
            storeInteractions(store, 1, 2);
            FlakyStore flaky = new FlakyStore(store);
            flaky.failMarks.set(1);
            List<String> published = new ArrayList<>();
            OutboxRelay relay = OutboxRelay.create(flaky, e -> published.add(e.aggregateId()), new RelayOptions());

            assertThatThrownBy(relay::runOnce).isInstanceOf(VentanillaException.class);
            relay.runOnce();

            // At least once: the lost mark means a second delivery, never a lost event.
            assertThat(published).containsExactly("i-1", "i-2", "i-1", "i-2");
            assertThat(store.unpublishedEvents(10)).isEmpty();
        }
    }

    @Test
    default void relayPublishesOnlyWhileLeader() {
        try (RecordStore store = newStore()) {
            storeInteractions(store, 1, 2);
            AtomicBoolean leader = new AtomicBoolean(false);
            AtomicInteger asked = new AtomicInteger();
            List<String> published = new ArrayList<>();
            OutboxRelay relay = OutboxRelay.create(store, e -> published.add(e.aggregateId()),
                    new RelayOptions().setIsLeader(() -> {
                        asked.incrementAndGet();
                        return leader.get();
                    }));

            assertThat(relay.runOnce()).isZero();
            assertThat(published).isEmpty();
            leader.set(true);
            assertThat(relay.runOnce()).isEqualTo(2);

            assertThat(asked.get()).isEqualTo(2);
            assertThat(published).containsExactly("i-1", "i-2");
        }
    }

    @Test
    default void startedRelayPublishesWhatWritersCommitExactlyOnceInOrderPerAggregate() throws Exception {
        try (RecordStore store = newStore()) {
            List<OutboxEvent> published = new CopyOnWriteArrayList<>();
            OutboxRelay relay = OutboxRelay.create(store, published::add,
                    new RelayOptions().setBatchSize(7).setPollInterval(Duration.ofMillis(5)));
            relay.start();
            try {
                Thread[] writers = new Thread[3];
                for (int w = 0; w < writers.length; w++) {
                    int writer = w;
                    writers[w] = new Thread(() -> {
                        for (int n = 1; n <= 40; n++) {
                            int step = n;
                            store.inTransaction(tx -> {
                                tx.appendEvent(new OutboxEvent.Draft("case", "case-" + writer, "case.step", "{\"paso\":" + step + "}"));
                                return null;
                            });
                        }
                    });
                    writers[w].start();
                }
                for (Thread writer : writers) {
                    writer.join(WAIT.toMillis());
                }

                await().atMost(WAIT).until(() -> published.size() >= 120);
            } finally {
                relay.stop();
            }

            assertThat(published).hasSize(120);
            // Global order across concurrent writers is the commit order, which the sequence may not follow; per aggregate it holds.
            assertThat(published).extracting(OutboxEvent::sequence).doesNotHaveDuplicates();
            for (int w = 0; w < 3; w++) {
                String aggregate = "case-" + w;
                List<String> steps = published.stream().filter(e -> e.aggregateId().equals(aggregate))
                        .map(OutboxEvent::payload).collect(Collectors.toList());
                assertThat(steps).containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 40).mapToObj(n -> "{\"paso\":" + n + "}").collect(Collectors.toList()));
            }
            assertThat(store.unpublishedEvents(10)).isEmpty();
        }
    }

    @Test
    default void startedRelayRetriesAfterPublisherAndStoreFailures() {
        try (RecordStore store = newStore()) {
            storeInteractions(store, 1, 4);
            FlakyStore flaky = new FlakyStore(store);
            flaky.failPolls.set(2);
            AtomicInteger publisherFailures = new AtomicInteger(2);
            List<String> published = new CopyOnWriteArrayList<>();
            OutboxRelay relay = OutboxRelay.create(flaky, e -> {
                if (e.aggregateId().equals("i-2") && publisherFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("broker refused");
                }
                published.add(e.aggregateId());
            }, new RelayOptions().setPollInterval(Duration.ofMillis(5)).setRetryDelay(Duration.ofMillis(20)));

            relay.start();
            try {
                await().atMost(WAIT).until(() -> published.size() == 4);
            } finally {
                relay.stop();
            }

            assertThat(published).containsExactly("i-1", "i-2", "i-3", "i-4");
            assertThat(flaky.failPolls.get()).isLessThanOrEqualTo(0);
        }
    }

    @Test
    default void failingLeaderCheckDoesNotStopTheRelay() {
        try (RecordStore store = newStore()) {
            storeInteractions(store, 1, 2);
            AtomicInteger leaseFailures = new AtomicInteger(3);
            List<String> published = new CopyOnWriteArrayList<>();
            OutboxRelay relay = OutboxRelay.create(store, e -> published.add(e.aggregateId()), new RelayOptions()
                    .setPollInterval(Duration.ofMillis(5)).setRetryDelay(Duration.ofMillis(10))
                    .setIsLeader(() -> {
                        if (leaseFailures.getAndDecrement() > 0) {
                            throw new IllegalStateException("lease server unreachable");
                        }
                        return true;
                    }));

            relay.start();
            try {
                await().atMost(WAIT).until(() -> published.size() == 2);
            } finally {
                relay.stop();
            }

            assertThat(leaseFailures.get()).isNegative();
            assertThat(published).containsExactly("i-1", "i-2");
        }
    }

    @Test
    default void wakeUpPublishesWithoutWaitingForTheNextPoll() {
        try (RecordStore store = newStore()) {
            List<String> published = new CopyOnWriteArrayList<>();
            OutboxRelay relay = OutboxRelay.create(store, e -> published.add(e.aggregateId()),
                    new RelayOptions().setPollInterval(Duration.ofMinutes(30)));
            relay.start();
            try {
                await().atMost(WAIT).until(() -> store.unpublishedEvents(1).isEmpty());
                storeInteractions(store, 1, 1);
                relay.wakeUp();

                await().atMost(WAIT).until(() -> published.size() == 1);
            } finally {
                relay.stop();
            }
            relay.stop();
            relay.wakeUp();

            assertThat(published).containsExactly("i-1");
        }
    }

    @Test
    default void stoppedRelayPublishesNothingMore() {
        try (RecordStore store = newStore()) {
            List<String> published = Collections.synchronizedList(new ArrayList<>());
            OutboxRelay relay = OutboxRelay.create(store, e -> published.add(e.aggregateId()),
                    new RelayOptions().setPollInterval(Duration.ofMillis(5)));
            relay.start();
            relay.start();
            storeInteractions(store, 1, 1);
            await().atMost(WAIT).until(() -> published.size() == 1);
            relay.stop();

            storeInteractions(store, 2, 2);

            assertThat(store.unpublishedEvents(10)).extracting(OutboxEvent::aggregateId).containsExactly("i-2");
            assertThat(published).containsExactly("i-1");
        }
    }

    private static void storeInteractions(RecordStore store, int from, int to) {
        for (int i = from; i <= to; i++) {
            String id = "i-" + i;
            store.inTransaction(tx -> {
                tx.insert("interaction", id, "{\"canal\":\"correo\"}");
                tx.appendEvent(new OutboxEvent.Draft("interaction", id, "interaction.received", "{\"id\":\"" + id + "\"}"));
                return null;
            });
        }
    }

    /** A store whose polls or marks fail a given number of times, as when the database goes away for a moment. */
    final class FlakyStore implements RecordStore {
        final AtomicInteger failPolls = new AtomicInteger();
        final AtomicInteger failMarks = new AtomicInteger();
        private final RecordStore delegate;

        FlakyStore(RecordStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(TransactionWork<T> work) {
            return delegate.inTransaction(work);
        }

        @Override
        public long nextInSequence(String name) {
            return delegate.nextInSequence(name);
        }

        @Override
        public List<OutboxEvent> unpublishedEvents(int limit) {
            if (failPolls.getAndDecrement() > 0) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "database test is unreachable");
            }
            return delegate.unpublishedEvents(limit);
        }

        @Override
        public void markPublished(List<Long> sequences) {
            if (failMarks.getAndDecrement() > 0) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "database test is unreachable");
            }
            delegate.markPublished(sequences);
        }

        @Override
        public boolean isReachable() {
            return delegate.isReachable();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
