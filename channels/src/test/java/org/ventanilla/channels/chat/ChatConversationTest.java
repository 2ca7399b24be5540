package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A citizen and an agent, each on a real WebSocket against a running server: the conversation and its order. */
class ChatConversationTest {

    private ChatTestNode node;

    @BeforeEach
    void startNode() throws Exception {
        node = ChatTestNode.start();
    }

    @AfterEach
    void stopNode() throws Exception {
        node.close();
    }

    @Test
    void citizenMessageIsStoredAndAcknowledgedAndReachesTheAgentWhoAcceptsTheOffer() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            JsonObject started = citizen.start(new JsonObject().put("name", "José Núñez").put("phone", "+57 300 555 0101")
                    .put("consent", true).put("topic", "general"));
            assertThat(started.getString("token")).hasSize(43).matches("[A-Za-z0-9_-]+");
            String chatId = started.getString("chatId");

            citizen.say("c-1", "Buenos días, quisiera hablar con alguien sobre un trámite");
            JsonObject ack = citizen.await(f -> "ack".equals(f.getString("type")));
            assertThat(ack.getLong("seq")).isEqualTo(1);
            java.util.Optional<org.ventanilla.core.port.StoredRecord> first =
                    node.records.inTransaction(tx -> tx.get(ChatStore.MESSAGE, ChatStore.messageId(chatId, 1)));
            assertThat(first).isPresent();

            JsonObject offer = agent.await(f -> "offer".equals(f.getString("type")));
            assertThat(offer.getString("chatId")).isEqualTo(chatId);
            agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            agent.await(f -> "msg".equals(f.getString("type")) && "citizen".equals(f.getString("from")));
            JsonObject joined = citizen.awaitMessage("agent-joined");
            assertThat(joined.getString("text")).isEqualTo("Le atiende Ana María Pérez.");

            agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-1")
                    .put("text", "Con gusto, José. ¿Qué trámite necesita?"));
            JsonObject reply = citizen.await(f -> "msg".equals(f.getString("type")) && "agent".equals(f.getString("from")));
            assertThat(reply.getString("text")).isEqualTo("Con gusto, José. ¿Qué trámite necesita?");
            assertThat(reply.getJsonObject("data").getString("name")).isEqualTo("Ana María Pérez");

            citizen.send(new JsonObject().put("type", "typing"));
            agent.await(f -> "typing".equals(f.getString("type")) && "citizen".equals(f.getString("from")));
            citizen.send(new JsonObject().put("type", "read").put("seq", reply.getLong("seq")));
            JsonObject read = agent.await(f -> "read".equals(f.getString("type")));
            assertThat(read.getLong("seq")).isEqualTo(reply.getLong("seq"));

            assertSeqsAreOneToN(citizen.messages());
            assertSeqsAreOneToN(agent.messages());
            assertThat(node.chat).isNotNull();
            JsonObject stored = chat(chatId);
            assertThat(stored.getString("status")).isEqualTo("conversing");
            assertThat(stored.getJsonObject("consent").getString("noticeVersion")).isEqualTo(ChatOptions.DEFAULT_NOTICE_VERSION);
        }
    }

    @Test
    void aStormOfAgentMessagesReachesTheCitizenOnceEachAndInOrder() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            int before = citizen.messages().size();
            for (int i = 1; i <= 200; i++) {
                agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-" + i).put("text", "mensaje " + i));
            }
            citizen.await(f -> "mensaje 200".equals(f.getString("text")));
            List<JsonObject> got = citizen.messages();
            assertSeqsAreOneToN(got);
            List<String> texts = got.subList(before, got.size()).stream().map(f -> f.getString("text")).toList();
            assertThat(texts).hasSize(200);
            for (int i = 0; i < 200; i++) {
                assertThat(texts.get(i)).isEqualTo("mensaje " + (i + 1));
            }
        }
    }

    @Test
    void aRepeatedOrEarlyClusterAnnouncementNeverDeliversAMessageTwiceNorOutOfOrder() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            JsonObject first = citizen.messages().get(0).copy();
            first.remove("type");
            String topic = "ventanilla.chat." + chatId;
            // a late duplicate of an old announcement, and an announcement of a place that is not stored (yet)
            node.events.publish(topic, new JsonObject().put("t", "msg").put("m", first).encode());
            JsonObject ghost = first.copy().put("seq", 99L).put("text", "fantasma");
            node.events.publish(topic, new JsonObject().put("t", "msg").put("m", ghost).encode());
            node.events.publish(topic, "esto no es JSON");
            agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-1").put("text", "Sigo aquí"));
            citizen.await(f -> "Sigo aquí".equals(f.getString("text")));
            assertThat(citizen.all(f -> "fantasma".equals(f.getString("text")))).isEmpty();
            assertSeqsAreOneToN(citizen.messages());
        }
    }

    @Test
    void citizenWhoseConnectionDroppedResumesAndGetsTheMissingMessagesOnceInOrder() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN)) {
            ChatClient citizen = node.citizen();
            String token = citizen.start(new JsonObject().put("topic", "general")).getString("token");
            String chatId = citizen.await(f -> "started".equals(f.getString("type"))).getString("chatId");
            citizen.say("c-1", "Necesito ayuda con una solicitud");
            agent.await(f -> "offer".equals(f.getString("type")));
            agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            citizen.awaitMessage("agent-joined");
            long lastSeen = last(citizen.messages());
            citizen.close();

            for (int i = 1; i <= 5; i++) {
                agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-" + i).put("text", "respuesta " + i));
            }
            agent.await(f -> "ack".equals(f.getString("type")) && "a-5".equals(f.getString("cid")));

            try (ChatClient again = node.citizen()) {
                again.send(new JsonObject().put("type", "resume").put("token", token).put("lastSeq", lastSeen));
                again.await(f -> "resumed".equals(f.getString("type")));
                again.await(f -> "respuesta 5".equals(f.getString("text")));
                agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-6").put("text", "respuesta 6"));
                again.await(f -> "respuesta 6".equals(f.getString("text")));
                List<JsonObject> got = again.messages();
                assertThat(got).extracting(f -> f.getString("text"))
                        .containsExactly("respuesta 1", "respuesta 2", "respuesta 3", "respuesta 4", "respuesta 5", "respuesta 6");
                assertThat(got.get(0).getLong("seq")).isEqualTo(lastSeen + 1);
                assertSeqsAreConsecutive(got);
            }
        }
    }

    @Test
    void agentWhoseConnectionDroppedResumesEachChatFromTheLastPlaceSeen() throws Exception {
        ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN);
        try (ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            long lastSeen = last(agent.messages());
            agent.close();
            citizen.say("c-2", "¿Sigue ahí?");
            citizen.say("c-3", "Le escribo de nuevo");
            citizen.await(f -> "ack".equals(f.getString("type")) && "c-3".equals(f.getString("cid")));
            try (ChatClient again = ChatClient.connect(node.vertx, node.port, "/chat/agent/ws", null)) {
                again.send(new JsonObject().put("type", "auth").put("token", ChatTestNode.AGENT_TOKEN)
                        .put("chats", new JsonObject().put(chatId, lastSeen)));
                again.await(f -> "Le escribo de nuevo".equals(f.getString("text")));
                assertThat(again.messages()).extracting(f -> f.getString("text")).containsExactly("¿Sigue ahí?", "Le escribo de nuevo");
                assertSeqsAreConsecutive(again.messages());
            }
        }
    }

    @Test
    void theSameMessageSentConcurrentlyOverTwoConnectionsIsStoredOnceAndDeliveredOnce() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            String token = citizen.find(f -> "started".equals(f.getString("type"))).orElseThrow().getString("token");
            try (ChatClient second = node.citizen()) {
                second.send(new JsonObject().put("type", "resume").put("token", token).put("lastSeq", last(citizen.messages())));
                second.await(f -> "resumed".equals(f.getString("type")));
                for (int i = 0; i < 5; i++) {
                    citizen.say("dup-1", "Mi dirección es Calle 45 # 20-11");
                    second.say("dup-1", "Mi dirección es Calle 45 # 20-11");
                }
                List<JsonObject> acks = awaitAcks(citizen, second, "dup-1", 10);
                assertThat(acks).extracting(f -> f.getLong("seq")).containsOnly(acks.get(0).getLong("seq"));
                assertThat(acks).filteredOn(f -> !f.getBoolean("duplicate")).hasSize(1);
                agent.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "a-after").put("text", "Anotado"));
                agent.await(f -> "Anotado".equals(f.getString("text")));
                assertThat(agent.all(f -> "Mi dirección es Calle 45 # 20-11".equals(f.getString("text")))).hasSize(1);
                assertThat(node.chat).isNotNull();
                assertThat(new ChatStore(node.records, java.time.Clock.systemUTC()).messagesAfter(chatId, 0))
                        .filteredOn(m -> "dup-1".equals(m.cid())).hasSize(1);
            }
        }
    }

    @Test
    void anAgentWhoDeclinesLetsTheChatGoToAnotherAgent() throws Exception {
        try (ChatClient ana = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject()).getString("chatId");
            citizen.say("c-1", "Hola, necesito ayuda");
            ana.await(f -> "offer".equals(f.getString("type")));
            try (ChatClient luis = node.agent(ChatTestNode.AGENT2_TOKEN)) {
                ana.send(new JsonObject().put("type", "decline").put("chatId", chatId));
                JsonObject offer = luis.await(f -> "offer".equals(f.getString("type")));
                assertThat(offer.getString("chatId")).isEqualTo(chatId);
                luis.send(new JsonObject().put("type", "accept").put("chatId", chatId));
                assertThat(citizen.awaitMessage("agent-joined").getString("text")).isEqualTo("Le atiende Luis Ángel Gómez.");
                assertThat(ana.all(f -> "offer".equals(f.getString("type")))).hasSize(1);
            }
        }
    }

    @Test
    void markupInAMessageIsStoredAndDeliveredAsThePlainTextItWas() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            String script = "<script>alert('x')</script><img src=x onerror=\"alert(1)\">";
            citizen.say("c-x", script);
            JsonObject got = agent.await(f -> "c-x".equals(f.getString("cid")) && "msg".equals(f.getString("type")));
            assertThat(got.getString("text")).isEqualTo(script);
            assertThat(chatMessages(chatId)).anyMatch(m -> m.text().equals(script));
        }
    }

    @Test
    void citizenEndsRatesAndAsksForTheTranscriptAndAllIsRecorded() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            citizen.send(new JsonObject().put("type", "end"));
            agent.await(f -> "ended".equals(f.getString("kind")));
            citizen.send(new JsonObject().put("type", "rate").put("rating", "Excelente").put("comment", "Muy amable, gracias"));
            citizen.await(f -> "rated".equals(f.getString("type")));
            citizen.send(new JsonObject().put("type", "transcript").put("email", "jose.nunez@example.com"));
            citizen.await(f -> "transcript-recorded".equals(f.getString("type")));
            citizen.send(new JsonObject().put("type", "rate").put("rating", "Perfecto"));
            assertThat(citizen.await(f -> "error".equals(f.getString("type"))).getString("message")).contains("is not one of");
            JsonObject stored = chat(chatId);
            assertThat(stored.getString("status")).isEqualTo("ended");
            assertThat(stored.getJsonObject("satisfaction").getString("rating")).isEqualTo("Excelente");
            assertThat(stored.getJsonObject("satisfaction").getString("comment")).isEqualTo("Muy amable, gracias");
            assertThat(stored.getJsonObject("transcript").getBoolean("requested")).isTrue();
        }
    }

    @Test
    void aWaitingCitizenSeesTheirPlaceAndCanLeave() throws Exception {
        try (ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "general")).getString("chatId");
            citizen.say("c-1", "Necesito hablar con un asesor por favor");
            JsonObject queue = citizen.await(f -> "queue".equals(f.getString("type")));
            assertThat(queue.getInteger("position")).isEqualTo(1);
            assertThat(queue.getLong("waitSeconds")).isPositive();
            citizen.send(new JsonObject().put("type", "leave"));
            citizen.awaitMessage("ended");
            assertThat(chat(chatId).getString("status")).isEqualTo("abandoned");
            String item = chat(chatId).getJsonObject("intake").getString("interactionId");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> ChatClient.await(node.routing
                    .positions(List.of(item))).isEmpty());
        }
    }

    @Test
    void theAgentTransfersTheChatToAnotherQueueAndAnotherAgentTakesItWithTheWholeHistory() throws Exception {
        try (ChatClient ana = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(ana, citizen);
            try (ChatClient luis = node.agent(ChatTestNode.AGENT2_TOKEN)) {
                ana.send(new JsonObject().put("type", "transfer").put("chatId", chatId).put("queue", "impuestos"));
                citizen.awaitMessage("transferred");
                JsonObject offer = luis.await(f -> "offer".equals(f.getString("type")));
                assertThat(offer.getString("queue")).isEqualTo("impuestos");
                luis.send(new JsonObject().put("type", "accept").put("chatId", chatId));
                luis.await(f -> "transferred".equals(f.getString("kind")));
                assertThat(luis.messages().get(0).getString("text")).isEqualTo("Buenas tardes, tengo una pregunta");
                assertSeqsAreOneToN(luis.messages());
                ana.send(new JsonObject().put("type", "msg").put("chatId", chatId).put("cid", "late").put("text", "¿Sigo aquí?"));
                assertThat(ana.await(f -> "error".equals(f.getString("type"))).getString("code")).isEqualTo("FORBIDDEN");
            }
        }
    }

    @Test
    void theAgentFilesAVerbalPetitionAndEndsTheChat() throws Exception {
        try (ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            String chatId = conversation(agent, citizen);
            agent.send(new JsonObject().put("type", "petition").put("chatId", chatId));
            JsonObject filed = agent.await(f -> "filed".equals(f.getString("type")));
            assertThat(filed.getString("radicado")).matches("\\d{4}-\\d{7}");
            assertThat(citizen.awaitMessage("case").getString("text")).contains(filed.getString("radicado"));
            agent.send(new JsonObject().put("type", "end").put("chatId", chatId));
            assertThat(citizen.awaitMessage("ended").getJsonObject("data").getString("by")).isEqualTo("agent");
            assertThat(chat(chatId).getJsonObject("petition").getString("radicado")).isEqualTo(filed.getString("radicado"));
        }
    }

    @Test
    void theQueuePlaceIsUpdatedWhenItChanges() throws Exception {
        try (ChatClient first = node.citizen(); ChatClient second = node.citizen()) {
            first.start(new JsonObject().put("topic", "general"));
            first.say("c-1", "Necesito hablar con un asesor por favor");
            first.await(f -> "queue".equals(f.getString("type")));
            second.start(new JsonObject().put("topic", "general"));
            // the same words: the same category and so the same queue
            second.say("c-1", "Necesito hablar con un asesor por favor");
            JsonObject q2 = second.await(f -> "queue".equals(f.getString("type")));
            assertThat(q2.getInteger("position")).as(() -> chat(first.messages().get(0).getString("chatId")).getJsonObject("intake") + " / "
                    + chat(second.messages().get(0).getString("chatId")).getJsonObject("intake")).isEqualTo(2);
            first.send(new JsonObject().put("type", "leave"));
            second.await(f -> "queue".equals(f.getString("type")) && f.getInteger("position") == 1);
            assertThat(second.all(f -> "queue".equals(f.getString("type")))).hasSize(2);
        }
    }

    private String conversation(ChatClient agent, ChatClient citizen) {
        String chatId = citizen.start(new JsonObject().put("topic", "general")).getString("chatId");
        citizen.say("c-1", "Buenas tardes, tengo una pregunta");
        agent.await(f -> "offer".equals(f.getString("type")) && chatId.equals(f.getString("chatId")));
        agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
        citizen.awaitMessage("agent-joined");
        agent.await(f -> "agent-joined".equals(f.getString("kind")));
        return chatId;
    }

    private List<JsonObject> awaitAcks(ChatClient a, ChatClient b, String cid, int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> a.all(f -> cid.equals(f.getString("cid")) && "ack".equals(f.getString("type"))).size()
                        + b.all(f -> cid.equals(f.getString("cid")) && "ack".equals(f.getString("type"))).size() >= count);
        List<JsonObject> all = new java.util.ArrayList<>(a.all(f -> cid.equals(f.getString("cid")) && "ack".equals(f.getString("type"))));
        all.addAll(b.all(f -> cid.equals(f.getString("cid")) && "ack".equals(f.getString("type"))));
        return all;
    }

    private JsonObject chat(String chatId) {
        return new ChatStore(node.records, java.time.Clock.systemUTC()).chat(chatId).orElseThrow();
    }

    private List<ChatMessage> chatMessages(String chatId) {
        return new ChatStore(node.records, java.time.Clock.systemUTC()).messagesAfter(chatId, 0);
    }

    static long last(List<JsonObject> messages) {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).getLong("seq");
    }

    static void assertSeqsAreOneToN(List<JsonObject> messages) {
        for (int i = 0; i < messages.size(); i++) {
            assertThat(messages.get(i).getLong("seq")).as("place of message %d", i + 1).isEqualTo(i + 1L);
        }
    }

    static void assertSeqsAreConsecutive(List<JsonObject> messages) {
        for (int i = 1; i < messages.size(); i++) {
            assertThat(messages.get(i).getLong("seq")).isEqualTo(messages.get(i - 1).getLong("seq") + 1);
        }
    }
}
