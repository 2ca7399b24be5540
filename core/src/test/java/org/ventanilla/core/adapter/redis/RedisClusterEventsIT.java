package org.ventanilla.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.core.port.ClusterEventsContract;
import org.ventanilla.core.testing.TestServices;

/** Two instances with the same prefix are two nodes of one cluster, each with its own Redis connections. */
class RedisClusterEventsIT implements ClusterEventsContract {

    private String prefix;
    private RedisClusterEvents nodeA;
    private RedisClusterEvents nodeB;

    @BeforeAll
    static void redisIsRunning() {
        TestServices.requireRedis();
    }

    @BeforeEach
    void startTwoNodes() {
        prefix = TestServices.uniquePrefix();
        nodeA = RedisClusterEvents.create(TestServices.redisUri(), prefix);
        nodeB = RedisClusterEvents.create(TestServices.redisUri(), prefix);
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Override
    public ClusterEvents node() {
        return nodeA;
    }

    @Override
    public ClusterEvents otherNode() {
        return nodeB;
    }

    @Override
    public ClusterEvents newNode() {
        return RedisClusterEvents.create(TestServices.redisUri(), prefix);
    }

    @Test
    void installationsWithDifferentPrefixesDoNotSeeEachOthersEvents() throws Exception {
        List<String> otherInstallation = new CopyOnWriteArrayList<>();
        List<String> sameInstallation = new CopyOnWriteArrayList<>();
        try (RedisClusterEvents elsewhere = RedisClusterEvents.create(TestServices.redisUri(), TestServices.uniquePrefix())) {
            elsewhere.subscribe("queue.tramites", otherInstallation::add).toCompletableFuture().get(5, TimeUnit.SECONDS);
            nodeB.subscribe("queue.tramites", sameInstallation::add).toCompletableFuture().get(5, TimeUnit.SECONDS);

            nodeA.publish("queue.tramites", "changed").toCompletableFuture().get(5, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sameInstallation).containsExactly("changed"));
            assertThat(otherInstallation).isEmpty();
        }
    }

    @Test
    void whileRedisIsDownTheNodeIsUnreachableAndFailsStagesThenItsSubscriptionsComeBack() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (RedisProxy redis = RedisProxy.start(); RedisClusterEvents behindProxy = RedisClusterEvents.create(redis.uri(), prefix)) {
            behindProxy.subscribe("chat.to-agent.5", received::add).toCompletableFuture().get(5, TimeUnit.SECONDS);

            redis.cut();

            await().atMost(Duration.ofSeconds(5)).until(() -> !behindProxy.isReachable());
            CompletableFuture<Void> publish = behindProxy.publish("chat.to-agent.5", "hola").toCompletableFuture();
            CompletableFuture<ClusterEvents.Subscription> subscribe =
                    behindProxy.subscribe("chat.to-agent.6", payload -> { }).toCompletableFuture();
            assertThatThrownBy(() -> publish.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(VentanillaException.class)
                    .cause().hasMessageContaining("cluster events: publish on topic 'chat.to-agent.5': Redis at 127.0.0.1:");
            assertThatThrownBy(() -> subscribe.get(5, TimeUnit.SECONDS))
                    .cause().satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));

            redis.restore();

            await().atMost(Duration.ofSeconds(30)).until(behindProxy::isReachable);
            // Events published while the subscriber was away are lost (pub/sub is at most once), so publish until
            // one arrives: that proves Lettuce subscribed the channel again on its new connection.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                nodeA.publish("chat.to-agent.5", "¿sigue ahí?");
                return !received.isEmpty();
            });
            assertThat(received).allMatch("¿sigue ahí?"::equals);
        }
    }

    @Test
    void anUnreachableRedisIsReportedAtCreationWithoutThePassword() {
        assertThatThrownBy(() -> RedisClusterEvents.create("redis://:s3cr3t-clave@127.0.0.1:1", prefix))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("s3cr3t");
    }
}
