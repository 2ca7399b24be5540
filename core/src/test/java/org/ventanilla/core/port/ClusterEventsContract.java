package org.ventanilla.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * What every {@link ClusterEvents} adapter does. {@link #node()} and {@link #otherNode()} are two nodes of one
 * cluster (a one-node adapter returns the same instance twice); {@link #newNode()} is one more node that the
 * test closes itself.
 */
public interface ClusterEventsContract {

    Duration WAIT = Duration.ofSeconds(5);

    ClusterEvents node();

    ClusterEvents otherNode();

    ClusterEvents newNode();

    private static <T> T complete(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("stage did not complete within " + WAIT, e);
        }
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause() instanceof CompletionException && e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
        } catch (Exception e) {
            throw new AssertionError("stage did not complete within " + WAIT, e);
        }
        throw new AssertionError("stage completed normally, a failure was expected");
    }

    @Test
    default void anEventPublishedOnOneNodeReachesTheSubscriberOnAnotherNode() {
        List<String> received = new CopyOnWriteArrayList<>();
        complete(otherNode().subscribe("chat.to-agent.17", received::add));

        complete(node().publish("chat.to-agent.17", "Buenas tardes, ¿cómo consulto mi radicado 2025-0001234?"));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(received).containsExactly("Buenas tardes, ¿cómo consulto mi radicado 2025-0001234?"));
    }

    @Test
    default void anEventReachesSubscribersOnThePublishingNodeToo() {
        List<String> received = new CopyOnWriteArrayList<>();
        complete(node().subscribe("queue.tramites", received::add));

        complete(node().publish("queue.tramites", "changed"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).containsExactly("changed"));
    }

    @Test
    default void everySubscriberOfATopicReceivesTheEvent() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        List<String> onOtherNode = new CopyOnWriteArrayList<>();
        complete(node().subscribe("agent.state", first::add));
        complete(node().subscribe("agent.state", second::add));
        complete(otherNode().subscribe("agent.state", onOtherNode::add));

        complete(node().publish("agent.state", "María Camila Peñaloza: disponible"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(first).containsExactly("María Camila Peñaloza: disponible");
            assertThat(second).containsExactly("María Camila Peñaloza: disponible");
            assertThat(onOtherNode).containsExactly("María Camila Peñaloza: disponible");
        });
    }

    @Test
    default void subscribersOfOneTopicDoNotReceiveEventsOfAnother() {
        List<String> agentSeven = new CopyOnWriteArrayList<>();
        List<String> agentEight = new CopyOnWriteArrayList<>();
        complete(otherNode().subscribe("chat.to-agent.7", agentSeven::add));
        complete(otherNode().subscribe("chat.to-agent.8", agentEight::add));

        complete(node().publish("chat.to-agent.8", "para la agente ocho"));
        complete(node().publish("chat.to-agent.7", "para el agente siete"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(agentSeven).containsExactly("para el agente siete");
            assertThat(agentEight).containsExactly("para la agente ocho");
        });
    }

    @Test
    default void eventsOfOnePublisherArriveInPublicationOrder() {
        List<String> received = new CopyOnWriteArrayList<>();
        complete(otherNode().subscribe("chat.session.abc", received::add));
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            sent.add("mensaje " + i);
        }

        for (String message : sent) {
            node().publish("chat.session.abc", message);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).containsExactlyElementsOf(sent));
    }

    @Test
    default void anUnsubscribedHandlerReceivesNothingMore() {
        List<String> leaving = new CopyOnWriteArrayList<>();
        List<String> staying = new CopyOnWriteArrayList<>();
        ClusterEvents.Subscription subscription = complete(otherNode().subscribe("supervisor.wallboard", leaving::add));
        complete(otherNode().subscribe("supervisor.wallboard", staying::add));

        complete(subscription.unsubscribe());
        complete(node().publish("supervisor.wallboard", "refresh"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(staying).containsExactly("refresh"));
        assertThat(leaving).isEmpty();
    }

    @Test
    default void aTopicCanBeSubscribedAgainAfterItsLastHandlerLeft() {
        List<String> before = new CopyOnWriteArrayList<>();
        List<String> after = new CopyOnWriteArrayList<>();
        complete(complete(otherNode().subscribe("outbox.relay", before::add)).unsubscribe());

        complete(otherNode().subscribe("outbox.relay", after::add));
        complete(node().publish("outbox.relay", "event 41"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(after).containsExactly("event 41"));
        assertThat(before).isEmpty();
    }

    @Test
    default void aFailingHandlerDoesNotStopOtherHandlersNorLaterEvents() {
        List<String> healthy = new CopyOnWriteArrayList<>();
        List<String> seenByFailing = new CopyOnWriteArrayList<>();
        complete(otherNode().subscribe("chat.to-agent.3", payload -> {
            seenByFailing.add(payload);
            throw new IllegalStateException("handler bug");
        }));
        complete(otherNode().subscribe("chat.to-agent.3", healthy::add));

        complete(node().publish("chat.to-agent.3", "uno"));
        complete(node().publish("chat.to-agent.3", "dos"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(healthy).containsExactly("uno", "dos");
            assertThat(seenByFailing).containsExactly("uno", "dos");
        });
    }

    @Test
    default void aBadTopicFailsTheStageInsteadOfThrowing() {
        Throwable publishFailure = failureOf(node().publish("chat to agent", "hola"));
        Throwable subscribeFailure = failureOf(node().subscribe("", payload -> { }));
        Throwable tooLong = failureOf(node().publish("t".repeat(ClusterEvents.MAX_TOPIC_LENGTH + 1), "hola"));

        assertThat(publishFailure).isInstanceOf(VentanillaException.class)
                .hasMessageContaining("contains a space or control character");
        assertThat(((VentanillaException) publishFailure).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(((VentanillaException) subscribeFailure).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(tooLong).hasMessage("cluster event topic length (201) exceeds the allowed maximum (200)");
    }

    @Test
    default void aNodeIsReachableWhileOpenAndUnavailableOnceClosed() {
        ClusterEvents node = newNode();
        assertThat(node.isReachable()).isTrue();

        node.close();

        assertThat(node.isReachable()).isFalse();
        Throwable failure = failureOf(node.publish("queue.tramites", "changed"));
        assertThat(failure).isInstanceOf(VentanillaException.class);
        assertThat(((VentanillaException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }
}
