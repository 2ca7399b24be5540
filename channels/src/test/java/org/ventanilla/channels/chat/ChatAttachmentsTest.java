package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.fs.AttachmentSettings;
import org.ventanilla.core.adapter.fs.FileSystemAttachments;

/** Images and PDF in a chat, through the attachments port, over real HTTP and WebSockets. */
class ChatAttachmentsTest {

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @TempDir
    Path dir;

    @Test
    void aCitizensImageIsStoredAnnouncedToTheAgentAndFetchedOnlyByTheTwoSidesOfTheChat() throws Exception {
        try (ChatTestNode node = ChatTestNode.builder().attachments(FileSystemAttachments.create(AttachmentSettings.defaults(dir)))
                .options(o -> o.setMaxAttachmentBytes(2048)).start();
                ChatClient agent = node.agent(ChatTestNode.AGENT_TOKEN); ChatClient citizen = node.citizen()) {
            JsonObject started = citizen.start(new JsonObject().put("topic", "general"));
            String chatId = started.getString("chatId");
            String token = started.getString("token");
            citizen.say("c-1", "Le envío la foto del poste dañado");
            agent.await(f -> "offer".equals(f.getString("type")));
            agent.send(new JsonObject().put("type", "accept").put("chatId", chatId));
            citizen.awaitMessage("agent-joined");
            WebClient http = WebClient.create(node.vertx);

            HttpResponse<Buffer> up = await(http.post(node.port, "127.0.0.1", "/chat/attachments").putHeader("X-Chat-Token", token)
                    .putHeader("X-File-Name", "poste.png").putHeader("X-Cid", "f-1").sendBuffer(Buffer.buffer(PNG)));
            assertThat(up.statusCode()).isEqualTo(200);
            JsonObject stored = up.bodyAsJsonObject();
            assertThat(stored.getString("mediaType")).isEqualTo("image/png");
            JsonObject seen = agent.await(f -> "attachment".equals(f.getString("kind")));
            assertThat(seen.getJsonObject("data").getString("attachmentId")).isEqualTo(stored.getString("attachmentId"));
            assertThat(seen.getString("text")).isEqualTo("poste.png");

            HttpResponse<Buffer> byAgent = await(http.get(node.port, "127.0.0.1", "/chat/attachments/" + stored.getString("attachmentId"))
                    .putHeader("X-Agent-Token", ChatTestNode.AGENT_TOKEN).putHeader("X-Chat-Id", chatId).send());
            assertThat(byAgent.statusCode()).isEqualTo(200);
            assertThat(byAgent.body().getBytes()).isEqualTo(PNG);
            assertThat(byAgent.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

            try (ChatClient other = node.citizen()) {
                String otherToken = other.start(new JsonObject()).getString("token");
                HttpResponse<Buffer> stranger = await(http.get(node.port, "127.0.0.1", "/chat/attachments/"
                        + stored.getString("attachmentId")).putHeader("X-Chat-Token", otherToken).send());
                assertThat(stranger.statusCode()).isEqualTo(404);
            }

            HttpResponse<Buffer> script = await(http.post(node.port, "127.0.0.1", "/chat/attachments").putHeader("X-Chat-Token", token)
                    .putHeader("X-File-Name", "foto.png").sendBuffer(Buffer.buffer("<script>alert(1)</script>", "UTF-8")));
            assertThat(script.statusCode()).isEqualTo(422);
            assertThat(script.bodyAsJsonObject().getString("message")).contains("is not accepted in chat (images and PDF)");

            HttpResponse<Buffer> big = await(http.post(node.port, "127.0.0.1", "/chat/attachments").putHeader("X-Chat-Token", token)
                    .sendBuffer(Buffer.buffer(new byte[4096])));
            assertThat(big.statusCode()).isEqualTo(413);

            HttpResponse<Buffer> anonymous = await(http.post(node.port, "127.0.0.1", "/chat/attachments")
                    .sendBuffer(Buffer.buffer("x".getBytes(StandardCharsets.UTF_8))));
            assertThat(anonymous.statusCode()).isEqualTo(403);
            assertThat(agent.all(f -> "attachment".equals(f.getString("kind")))).hasSize(1);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
