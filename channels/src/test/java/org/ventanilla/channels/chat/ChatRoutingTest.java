package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat routed by routing's engine over the event bus: offers that expire and declines. */
class ChatRoutingTest {

    private ChatTestNode node;

    @BeforeEach
    void startNode() throws Exception {
        node = ChatTestNode.builder().offerTimeout(Duration.ofSeconds(2)).start();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void anOfferNotAnsweredInTimeExpiresForTheAgentAndGoesToAnotherAgent() throws Exception {
        try (ChatClient ana = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "general")).getString("chatId");
            citizen.say("c-1", "Hola, necesito un asesor");
            JsonObject offer = ana.await(f -> "offer".equals(f.getString("type")));
            assertThat(offer.getString("chatId")).isEqualTo(chatId);
            assertThat(Instant.parse(offer.getString("expiresAt"))).isAfter(Instant.now());
            assertThat(offer.getLong("expiresInSeconds")).isBetween(1L, 2L);

            try (ChatClient luis = node.agent(ChatTestNode.AGENT2_TOKEN)) {
                assertThat(ana.await(f -> "offer-expired".equals(f.getString("type"))).getString("chatId")).isEqualTo(chatId);
                JsonObject second = luis.await(f -> "offer".equals(f.getString("type")));
                assertThat(second.getString("chatId")).isEqualTo(chatId);

                ana.send(new JsonObject().put("type", "accept").put("chatId", chatId));
                assertThat(ana.await(f -> "error".equals(f.getString("type"))).getString("code")).isEqualTo("CONFLICT");
                luis.send(new JsonObject().put("type", "accept").put("chatId", chatId));
                assertThat(citizen.awaitMessage("agent-joined").getString("text")).isEqualTo("Le atiende Luis Ángel Gómez.");
                assertThat(ana.all(f -> "offer".equals(f.getString("type")))).hasSize(1);
            }
        }
    }

    @Test
    void aDeclinedChatIsNotOfferedAgainToTheSameAgentWhileAnotherOneIsAvailable() throws Exception {
        try (ChatClient ana = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient luis = node.agent(ChatTestNode.AGENT2_TOKEN);
                ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "general")).getString("chatId");
            citizen.say("c-1", "Buenas, una consulta");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ana.all(ChatRoutingTest::offer).isEmpty()
                    || !luis.all(ChatRoutingTest::offer).isEmpty());
            ChatClient first = ana.all(ChatRoutingTest::offer).isEmpty() ? luis : ana;
            ChatClient other = first == ana ? luis : ana;

            first.send(new JsonObject().put("type", "decline").put("chatId", chatId));
            JsonObject offer = other.await(ChatRoutingTest::offer);
            assertThat(offer.getString("chatId")).isEqualTo(chatId);
            assertThat(first.all(ChatRoutingTest::offer)).hasSize(1);
            other.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            citizen.awaitMessage("agent-joined");
            assertThat(first.all(ChatRoutingTest::offer)).hasSize(1);
            assertThat(first.errors()).isEmpty();
            assertThat(other.errors()).isEmpty();
        }
    }

    private static boolean offer(JsonObject frame) {
        return "offer".equals(frame.getString("type"));
    }
}
