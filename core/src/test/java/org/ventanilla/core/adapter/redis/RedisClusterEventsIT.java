package org.ventanilla.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
    void subscriptionsComeBackAfterTheConnectionToRedisIsLost() throws Exception {
        String clientName = "ventanilla-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> received = new CopyOnWriteArrayList<>();
        try (RedisClusterEvents subscriberNode = RedisClusterEvents.create(withClientName(clientName), prefix)) {
            subscriberNode.subscribe("chat.to-agent.5", received::add).toCompletableFuture().get(5, TimeUnit.SECONDS);

            killConnectionsNamed(clientName);

            // Events published while the subscriber reconnects are lost (pub/sub is at most once), so publish
            // until one arrives: that proves Lettuce subscribed the channel again on the new connection.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                nodeA.publish("chat.to-agent.5", "¿sigue ahí?");
                return !received.isEmpty();
            });
            assertThat(subscriberNode.isReachable()).isTrue();
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

    private static String withClientName(String clientName) {
        String uri = TestServices.redisUri();
        return uri + (uri.contains("?") ? "&" : "?") + "clientName=" + clientName;
    }

    /** Kills only the connections of this test (CLIENT KILL by id), never those of other tests or helpers. */
    private static void killConnectionsNamed(String clientName) {
        RedisClient admin = RedisClient.create(TestServices.redisUri());
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            String list = connection.sync().clientList();
            int killed = 0;
            for (String line : list.split("\n")) {
                if (line.contains(" name=" + clientName + " ")) {
                    String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                    killed += connection.sync().clientKill(KillArgs.Builder.id(Long.parseLong(id))).intValue();
                }
            }
            assertThat(killed).as("connections named %s", clientName).isPositive();
        } finally {
            admin.shutdown();
        }
    }
}
