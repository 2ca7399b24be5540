package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.redis.RedisClusterEvents;
import org.ventanilla.core.testing.TestServices;

/**
 * Two nodes (each its own Vert.x, HTTP server, PostgreSQL pool and Redis connection) sharing one PostgreSQL schema and
 * one Redis: the citizen on one node and the agent on the other exchange messages through the cluster-events port,
 * once each and in order, also when the citizen resumes on the other node. Routing is shared in-process here (the
 * routing engine's Redis live state is routing's own business).
 */
class ChatTwoNodesIT {

    private JdbcRecordStore recordsA;
    private JdbcRecordStore recordsB;
    private RedisClusterEvents eventsA;
    private RedisClusterEvents eventsB;
    private ChatTestNode nodeA;
    private ChatTestNode nodeB;

    @BeforeEach
    void startTwoNodes() throws Exception {
        TestServices.requireRedis();
        String url = TestServices.postgresUrlWithFreshSchema();
        recordsA = JdbcRecordStore.create(new JdbcSettings(url, TestServices.postgresUser(), "", 4, Duration.ofSeconds(5)));
        recordsB = JdbcRecordStore.create(new JdbcSettings(url, TestServices.postgresUser(), "", 4, Duration.ofSeconds(5)));
        String prefix = TestServices.uniquePrefix();
        eventsA = RedisClusterEvents.create(TestServices.redisUri(), prefix);
        eventsB = RedisClusterEvents.create(TestServices.redisUri(), prefix);
        // one routing for both nodes (shared Vert.x) until routing's live state is shared through Redis; the chat's
        // messages still cross between the nodes only through their own Redis cluster-events connections
        nodeA = ChatTestNode.builder().records(recordsA).events(eventsA).start();
        nodeB = ChatTestNode.builder().records(recordsB).events(eventsB).vertx(nodeA.vertx).start();
    }

    @AfterEach
    void stopTwoNodes() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {nodeB, nodeA, eventsA, eventsB, recordsA, recordsB}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void citizenOnOneNodeAndAgentOnAnotherConverseOnceEachAndInOrderAndTheCitizenResumesOnTheOtherNode() throws Exception {
        try (ChatClient agent = nodeB.agent(ChatTestNode.AGENT_TOKEN)) {
            ChatClient citizen = nodeA.citizen();
            JsonObject started = citizen.start(new JsonObject().put("topic", "general"));
            String chatId = started.getString("chatId");
            citizen.say("c-1", "Hola desde el nodo A");
            agent.await(f -> "offer".equals(f.getString("type")));
            agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            citizen.awaitMessage("agent-joined");
            assertThat(agent.await(f -> "c-1".equals(f.getString("cid")) && "msg".equals(f.getString("type"))).getString("text"))
                    .isEqualTo("Hola desde el nodo A");

            for (int i = 1; i <= 30; i++) {
                citizen.say("c-x" + i, "ciudadano " + i);
                agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-" + i).put("text", "agente " + i));
            }
            citizen.await(f -> "agente 30".equals(f.getString("text")));
            agent.await(f -> "ciudadano 30".equals(f.getString("text")));
            assertThat(citizen.errors()).isEmpty();
            assertThat(agent.errors()).isEmpty();
            awaitSameCount(citizen, agent);
            ChatConversationTest.assertSeqsAreOneToN(citizen.messages());
            ChatConversationTest.assertSeqsAreOneToN(agent.messages());
            assertThat(texts(citizen)).isEqualTo(texts(agent));

            long lastSeen = ChatConversationTest.last(citizen.messages());
            citizen.close();
            agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-late").put("text", "¿Sigue ahí?"));
            agent.await(f -> "ack".equals(f.getString("type")) && "a-late".equals(f.getString("cid")));
            try (ChatClient onB = nodeB.citizen()) {
                onB.send(new JsonObject().put("type", "resume").put("token", started.getString("token")).put("lastSeq", lastSeen));
                onB.await(f -> "¿Sigue ahí?".equals(f.getString("text")));
                onB.say("c-back", "Sí, ahora desde el nodo B");
                agent.await(f -> "Sí, ahora desde el nodo B".equals(f.getString("text")));
                assertThat(texts(onB)).containsExactly("¿Sigue ahí?", "Sí, ahora desde el nodo B");
                ChatConversationTest.assertSeqsAreConsecutive(onB.messages());
            }
            List<ChatMessage> stored = new ChatStore(recordsA, Clock.systemUTC()).messagesAfter(chatId, 0);
            assertThat(stored).extracting(ChatMessage::seq).doesNotHaveDuplicates().isSorted();
            assertThat(stored).hasSize(agent.messages().size());
        }
    }

    private static void awaitSameCount(ChatClient a, ChatClient b) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> a.messages().size() == b.messages().size());
    }

    private static List<String> texts(ChatClient c) {
        return c.messages().stream().map(f -> f.getString("text")).toList();
    }
}
