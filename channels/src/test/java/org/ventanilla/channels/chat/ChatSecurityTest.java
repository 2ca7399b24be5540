package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.testing.MutableClock;

/** Bad input and abuse against a running server: limits, malformed frames, origins, tokens, idle sessions. */
class ChatSecurityTest {

    @Test
    void anOversizedFrameIsAnsweredWithAnErrorNamingItsLengthAndTheLimitAndTheConnectionLives() throws Exception {
        try (ChatTestNode node = ChatTestNode.builder().options(o -> o.setMaxFrameChars(1024).setMaxTextChars(500)).start();
                ChatClient citizen = node.citizen()) {
            citizen.start(new JsonObject());
            String big = "{\"type\":\"msg\",\"cid\":\"c-1\",\"text\":\"" + "a".repeat(2000) + "\"}";
            citizen.sendRaw(big);
            JsonObject error = citizen.await(f -> "error".equals(f.getString("type")));
            assertThat(error.getString("code")).isEqualTo("LIMIT_EXCEEDED");
            assertThat(error.getString("message"))
                    .isEqualTo("frame length (" + big.length() + ") exceeds the allowed maximum (1024)");
            citizen.say("c-2", "b".repeat(501));
            JsonObject tooLong = citizen.await(f -> "error".equals(f.getString("type")) && "c-2".equals(f.getString("ref")));
            assertThat(tooLong.getString("message")).isEqualTo("message length (501) exceeds the allowed maximum (500)");
            citizen.say("c-3", "Ahora sí, un mensaje corto");
            assertThat(citizen.await(f -> "ack".equals(f.getString("type"))).getLong("seq")).isEqualTo(1);
            assertThat(citizen.all(f -> "ack".equals(f.getString("type")))).hasSize(1);
        }
    }

    @Test
    void malformedFramesAreAnsweredWithErrorFramesAndNeverCloseTheConnection() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            List<String> bad = List.of("esto no es JSON", "[1,2,3]", "{\"sin\":\"tipo\"}", "{\"type\":42}", "{\"type\":\"borrar-todo\"}",
                    "{\"type\":\"msg\",\"cid\":\"c-1\",\"text\":\"antes de empezar\"}",
                    "{\"type\":\"start\",\"name\":{\"x\":1}}", "{\"type\":",
                    "\u0000\u0001");
            for (String frame : bad) {
                citizen.sendRaw(frame);
            }
            citizen.sendBinary(new byte[] {1, 2, 3});
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> citizen.errors().size() >= bad.size() + 1);
            assertThat(citizen.errors()).extracting(f -> f.getString("code")).containsOnly("INVALID_INPUT");
            assertThat(citizen.errors()).extracting(f -> f.getString("message")).contains("frame is not valid JSON",
                    "frame is not a JSON object", "frame has no type", "binary frames are not accepted",
                    "a msg frame needs a chat: send start or resume first");
            citizen.send(new JsonObject().put("type", "ping"));
            citizen.await(f -> "pong".equals(f.getString("type")));
            citizen.start(new JsonObject());
            citizen.send(new JsonObject().put("type", "msg").put("text", "sin identificador"));
            assertThat(citizen.await(f -> f.getString("message", "").contains("needs 'cid'")).getString("code")).isEqualTo("INVALID_INPUT");
            assertThat(citizen.isClosed()).isFalse();
        }
    }

    @Test
    void aSessionSendingFasterThanItsRateIsRefusedAndWhatWasRefusedIsNotStored() throws Exception {
        MutableClock clock = MutableClock.at(ChatTestNode.TUESDAY_MORNING);
        try (ChatTestNode node = ChatTestNode.builder().chatClock(clock).options(o -> o.setSessionRate(1, 5)).start();
                ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject()).getString("chatId");
            for (int i = 1; i <= 10; i++) {
                citizen.say("c-" + i, "mensaje " + i);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> citizen.all(f -> "ack".equals(f.getString("type"))).size() + citizen.errors().size() >= 10);
            List<JsonObject> limited = citizen.errors();
            assertThat(limited).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getString("code")).isEqualTo("LIMIT_EXCEEDED");
                assertThat(e.getString("message")).isEqualTo("frame rate of this session exceeds the allowed maximum (1.0 per second)");
            });
            int acked = citizen.all(f -> "ack".equals(f.getString("type"))).size();
            assertThat(acked).isEqualTo(4);
            assertThat(new ChatStore(node.records, clock).messagesAfter(chatId, 0)).filteredOn(m -> "citizen".equals(m.from()))
                    .hasSize(acked);
            clock.advance(Duration.ofSeconds(3));
            citizen.say("c-11", "después de esperar");
            citizen.await(f -> "ack".equals(f.getString("type")) && "c-11".equals(f.getString("cid")));
        }
    }

    @Test
    void sessionsFromOneClientAddressShareTheAddressRate() throws Exception {
        MutableClock clock = MutableClock.at(ChatTestNode.TUESDAY_MORNING);
        try (ChatTestNode node = ChatTestNode.builder().chatClock(clock).options(o -> o.setSessionRate(100, 100).setAddressRate(1, 8))
                .start(); ChatClient first = node.citizen(); ChatClient second = node.citizen()) {
            first.start(new JsonObject());
            second.start(new JsonObject());
            for (int i = 1; i <= 6; i++) {
                first.say("a-" + i, "primero " + i);
                second.say("b-" + i, "segundo " + i);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> first.errors().size() + second.errors().size()
                    + first.all(f -> "ack".equals(f.getString("type"))).size() + second.all(f -> "ack".equals(f.getString("type"))).size()
                    >= 12);
            assertThat(first.errors().size() + second.errors().size()).isGreaterThanOrEqualTo(6);
            assertThat(second.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.getString("message"))
                    .isEqualTo("frame rate of this client address exceeds the allowed maximum (1.0 per second)"));
        }
    }

    @Test
    void aCitizenSocketFromASiteNotConfiguredOrWithoutOriginIsRefused() throws Exception {
        try (ChatTestNode node = ChatTestNode.builder().options(o -> o.addAllowedOrigin("https://www.bogota.gov.co")).start()) {
            assertThatThrownBy(() -> ChatClient.connect(node.vertx, node.port, "/chat/ws", "https://sitio-malicioso.example"))
                    .hasMessageContaining("403");
            assertThatThrownBy(() -> ChatClient.connect(node.vertx, node.port, "/chat/ws", null)).hasMessageContaining("403");
            try (ChatClient city = ChatClient.connect(node.vertx, node.port, "/chat/ws", "https://www.bogota.gov.co")) {
                assertThat(city.start(new JsonObject()).getString("chatId")).isNotBlank();
            }
        }
    }

    @Test
    void sessionTokensAreUnguessableAndAWrongTokenResumesNothing() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen(); ChatClient intruder = node.citizen()) {
            String token = citizen.start(new JsonObject()).getString("token");
            assertThat(token).hasSize(SessionTokens.TOKEN_LENGTH);
            assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
            java.util.Set<String> many = new java.util.HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                many.add(SessionTokens.newToken());
            }
            assertThat(many).hasSize(10_000);
            char last = token.charAt(token.length() - 1);
            String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
            intruder.send(new JsonObject().put("type", "resume").put("token", forged).put("lastSeq", 0));
            assertThat(intruder.await(f -> "error".equals(f.getString("type"))).getString("code")).isEqualTo("FORBIDDEN");
            assertThat(intruder.messages()).isEmpty();
        }
    }

    @Test
    void anAgentWithoutAValidTokenGetsNothing() throws Exception {
        try (ChatTestNode node = ChatTestNode.start();
                ChatClient stranger = ChatClient.connect(node.vertx, node.port, "/chat/agent/ws", null)) {
            stranger.send(new JsonObject().put("type", "accept").put("chatId", "x"));
            stranger.send(new JsonObject().put("type", "auth").put("token", "no-es-un-token-valido"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stranger.errors().size() >= 2);
            assertThat(stranger.errors()).extracting(f -> f.getString("code")).containsOnly("FORBIDDEN");
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheConfiguredTime() throws Exception {
        try (ChatTestNode node = ChatTestNode.builder().options(o -> o.setIdleTimeout(Duration.ofMillis(300))).start();
                ChatClient citizen = node.citizen()) {
            citizen.start(new JsonObject());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> citizen.closeCode.get() >= 0);
            assertThat(citizen.closeCode.get()).isEqualTo(ChatConnection.CLOSE_IDLE);
        }
    }
}
