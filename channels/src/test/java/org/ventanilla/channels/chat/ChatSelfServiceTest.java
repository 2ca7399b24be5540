package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.core.store.RecordKinds;

/** What happens before (or instead of) an agent: anonymous chats, self-service, hours, emergencies, status by radicado. */
class ChatSelfServiceTest {

    @Test
    void anAnonymousChatIsTakenInWithoutCreatingACitizenRecord() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "general")).getString("chatId");
            citizen.say("c-1", "Buenas, una pregunta sobre la alcaldía");
            citizen.awaitMessage("waiting");
            JsonObject chat = chat(node, chatId);
            assertThat(chat.getBoolean("anonymous")).isTrue();
            assertThat(chat.containsKey("citizen")).isFalse();
            assertThat(chat.getJsonObject("intake").getString("interactionId")).isNotBlank();
            List<?> citizens = node.records.inTransaction(tx -> tx.keysWithPrefix(RecordKinds.CITIZEN_BY_CONTACT, "", 10));
            assertThat(citizens).isEmpty();
            List<?> byIdentifier = node.records.inTransaction(tx -> tx.keysWithPrefix(RecordKinds.CITIZEN_BY_IDENTIFIER, "", 10));
            assertThat(byIdentifier).isEmpty();
        }
    }

    @Test
    void personalDataWithoutAcceptingTheNoticeIsRefusedAndAcceptanceIsRecordedAsEvidence() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            citizen.send(new JsonObject().put("type", "start").put("name", "María Fernanda Ríos").put("email", "mafe.rios@example.com"));
            assertThat(citizen.await(f -> "error".equals(f.getString("type"))).getString("message"))
                    .isEqualTo("personal data was given without accepting the personal-data notice (Ley 1581)");
            String chatId = citizen.start(new JsonObject().put("name", "María Fernanda Ríos").put("email", "mafe.rios@example.com")
                    .put("consent", true)).getString("chatId");
            JsonObject consent = chat(node, chatId).getJsonObject("consent");
            assertThat(consent.getBoolean("accepted")).isTrue();
            assertThat(consent.getString("noticeVersion")).isEqualTo(ChatOptions.DEFAULT_NOTICE_VERSION);
            assertThat(consent.getString("at")).isNotBlank();
            citizen.say("c-1", "Quiero saber el horario de la sede del centro");
            citizen.await(f -> "msg".equals(f.getString("type")) && "system".equals(f.getString("from")));
            String citizenId = chat(node, chatId).getJsonObject("intake").getString("citizenId");
            assertThat(citizenId).isNotBlank();
            org.ventanilla.core.domain.users.ConsentRecord evidence = new org.ventanilla.core.store.ConsentLog(node.records)
                    .latest(org.ventanilla.core.domain.citizen.CitizenId.parse(citizenId)).orElseThrow();
            assertThat(evidence.granted()).isTrue();
            assertThat(evidence.channel()).isEqualTo("chat");
            assertThat(evidence.noticeVersion()).isEqualTo(ChatOptions.DEFAULT_NOTICE_VERSION);
        }
    }

    @Test
    void anImmediateTopicGetsTheApprovedAnswerAndSolvingItEndsTheChatRecordingTheAnswer() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "horarios-sedes")).getString("chatId");
            citizen.say("c-1", "¿A qué hora abren la sede del centro?");
            JsonObject answer = citizen.awaitMessage("self-service");
            assertThat(answer.getJsonObject("data").getString("answerId")).isEqualTo("ans-horarios-sedes");
            assertThat(answer.getJsonObject("data").getString("question")).isEqualTo("¿Esto resolvió su consulta?");
            assertThat(answer.getString("text")).isNotBlank();
            citizen.send(new JsonObject().put("type", "solved").put("answer", true));
            citizen.awaitMessage("ended");
            JsonObject chat = chat(node, chatId);
            assertThat(chat.getString("status")).isEqualTo("ended");
            assertThat(chat.getString("outcome")).isEqualTo("resolved-self-service");
            assertThat(chat.getJsonObject("selfService").getString("answerId")).isEqualTo("ans-horarios-sedes");
            assertThat(chat.getJsonObject("selfService").getInteger("version"))
                    .isEqualTo(answer.getJsonObject("data").getInteger("version"));
            assertThat(chat.getJsonObject("selfService").getBoolean("resolved")).isTrue();
        }
    }

    @Test
    void aCitizenWhoseQuestionSelfServiceDidNotSolveGoesOnToAnAgent() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN);
                ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "sisben")).getString("chatId");
            citizen.say("c-1", "Quiero saber mi puntaje del sisbén");
            citizen.awaitMessage("self-service");
            assertThat(agent.find(f -> "offer".equals(f.getString("type")))).isEmpty();
            citizen.send(new JsonObject().put("type", "solved").put("answer", false));
            assertThat(agent.await(f -> "offer".equals(f.getString("type"))).getString("chatId")).isEqualTo(chatId);
            assertThat(chat(node, chatId).getJsonObject("selfService").getBoolean("resolved")).isFalse();
        }
    }

    @Test
    void outOfHoursTheWidgetIsToldAndTheMessageBecomesACaseWithARadicadoAndDueDate() throws Exception {
        try (ChatTestNode node = ChatTestNode.builder().at(ChatTestNode.SUNDAY_NIGHT).start(); ChatClient citizen = node.citizen()) {
            JsonObject started = citizen.start(new JsonObject().put("topic", "general"));
            assertThat(started.getBoolean("open")).isFalse();
            assertThat(citizen.awaitMessage("after-hours").getString("text")).contains("fuera del horario de atención");
            citizen.say("c-1", "Quiero solicitar información sobre el presupuesto participativo del barrio");
            JsonObject filed = citizen.awaitMessage("case");
            String radicado = filed.getJsonObject("data").getString("radicado");
            assertThat(radicado).matches("\\d{4}-\\d{7}");
            assertThat(LocalDate.parse(filed.getJsonObject("data").getString("dueDate"))).isAfter(LocalDate.of(2026, 11, 24));
            assertThat(filed.getString("text")).contains(radicado).contains("Fecha máxima de respuesta");
            JsonObject chat = chat(node, started.getString("chatId"));
            assertThat(chat.getString("outcome")).isEqualTo("after-hours-case");
            assertThat(chat.getJsonObject("intake").getString("radicado")).isEqualTo(radicado);
        }
    }

    @Test
    void anEmergencyLookingMessageGetsTheEmergencyNumberAtOnce() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            citizen.start(new JsonObject().put("topic", "general"));
            citizen.say("c-1", "Auxilio, hay un incendio en el edificio de al lado y hay heridos");
            JsonObject emergency = citizen.awaitMessage("emergency");
            assertThat(emergency.getString("text")).isEqualTo("Si se trata de una emergencia, llame ya a la línea 123.");
            assertThat(emergency.getJsonObject("data").getString("number")).isEqualTo("123");
        }
    }

    @Test
    void englishIsUsedWhenAskedFor() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            citizen.start(new JsonObject().put("topic", "general").put("lang", "en"));
            citizen.say("c-1", "There is a fire in my building, people are injured, emergencia");
            assertThat(citizen.awaitMessage("emergency").getString("text")).isEqualTo("If this is an emergency, call 123 now.");
        }
    }

    @Test
    void aRadicadoTypedInTheChatGetsItsStatusCategoryAndDueDateAndNothingPersonal() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient citizen = node.citizen()) {
            IntakeResult filed = node.intake.receive(new InboundContact(Channel.EMAIL, "msg-001@correo.example",
                    ChatTestNode.TUESDAY_MORNING, new InboundContact.CitizenHints("CC", "1020304050", "+57 310 555 0199",
                            "pedro.gomez@example.com", null, "Pedro Gómez"), "Hueco en la vía",
                    "Hay un hueco enorme en la calle 45 con carrera 20", null, true, List.of()));
            String radicado = filed.caseNumber().orElseThrow().value();
            citizen.start(new JsonObject());
            citizen.say("c-1", "  " + radicado + " ");
            JsonObject status = citizen.awaitMessage("status");
            JsonObject data = status.getJsonObject("data");
            assertThat(data.getBoolean("found")).isTrue();
            assertThat(data.getString("status")).isEqualTo("FILED");
            assertThat(data.getString("category")).isEqualTo(filed.categoryCode());
            assertThat(data.getString("dueDate")).isEqualTo(filed.dueDate().orElseThrow().toString());
            assertThat(status.encode()).doesNotContain("Pedro", "Gómez", "1020304050", "pedro.gomez", "555");
            citizen.say("c-2", "2026-9999999");
            JsonObject unknown = citizen.await(f -> "status".equals(f.getString("kind"))
                    && "2026-9999999".equals(f.getJsonObject("data").getString("radicado")));
            assertThat(unknown.getJsonObject("data").getBoolean("found")).isFalse();
            assertThat(unknown.getString("text"))
                    .isEqualTo("No encontramos el radicado 2026-9999999. Revise el número e inténtelo de nuevo.");
        }
    }

    @Test
    void anAgentCanFileThePetitionAndEscalateTheChatToADeferredCase() throws Exception {
        try (ChatTestNode node = ChatTestNode.start(); ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN);
                ChatClient citizen = node.citizen()) {
            String chatId = citizen.start(new JsonObject().put("topic", "general")).getString("chatId");
            citizen.say("c-1", "Quiero presentar un derecho de petición sobre el alumbrado");
            agent.await(f -> "offer".equals(f.getString("type")));
            agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            citizen.awaitMessage("agent-joined");
            agent.send(new JsonObject().put("type", "escalate").put("chatId", chatId));
            JsonObject filed = agent.await(f -> "filed".equals(f.getString("type")));
            JsonObject seen = citizen.awaitMessage("case");
            assertThat(seen.getJsonObject("data").getString("radicado")).isEqualTo(filed.getString("radicado")).matches("\\d{4}-\\d{7}");
            assertThat(seen.getJsonObject("data").getString("dueDate")).isNotBlank();
            assertThat(chat(node, chatId).getJsonObject("escalation").getString("radicado")).isEqualTo(filed.getString("radicado"));
        }
    }

    private static JsonObject chat(ChatTestNode node, String chatId) {
        return new ChatStore(node.records, Clock.systemUTC()).chat(chatId).orElseThrow();
    }
}
