package org.ventanilla.channels.chat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Attachments;

/**
 * Images and PDF in a chat, through the attachments port: uploaded by the chat's citizen or agent, announced in the
 * chat as an {@code attachment} message (stored before it is acknowledged, like any other), and given back only to
 * the two sides of that chat.
 */
final class ChatAttachments {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAttachments.class);
    /** Key kind linking an attachment to its chat. */
    static final String ATTACHMENT_KEY = "chat-attachment";
    static final Set<String> ACCEPTED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private final ChatEngine engine;
    private final Attachments attachments;

    ChatAttachments(ChatEngine engine, Attachments attachments) {
        this.engine = engine;
        this.attachments = attachments;
    }

    void handleUpload(RoutingContext ctx) {
        if (attachments == null) {
            fail(ctx, new VentanillaException(ErrorCode.NOT_FOUND, "this chat takes no attachments"));
            return;
        }
        Buffer body = ctx.body().buffer();
        String fileName = cleanName(ctx.request().getHeader("X-File-Name"));
        String cid = ctx.request().getHeader("X-Cid");
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        engine.blocking(() -> {
            Side side = side(ctx);
            if (bytes.length == 0) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "attachment is empty");
            }
            if (bytes.length > engine.options.getMaxAttachmentBytes()) {
                throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED, "attachment size (" + bytes.length
                        + " bytes) exceeds the allowed maximum (" + engine.options.getMaxAttachmentBytes() + " bytes)");
            }
            Attachments.AttachmentInfo info = attachments.store(fileName, new ByteArrayInputStream(bytes));
            if (!ACCEPTED.contains(info.mediaType())) {
                // left unlinked: nobody can fetch it through the chat, and the retention purge removes it
                throw new VentanillaException(ErrorCode.REJECTED_CONTENT,
                        "attachment type " + info.mediaType() + " is not accepted in chat (images and PDF)");
            }
            engine.store.linkAttachment(info.id(), side.chatId());
            JsonObject data = new JsonObject().put("attachmentId", info.id()).put("fileName", info.fileName())
                    .put("mediaType", info.mediaType()).put("size", info.size());
            if (side.agentName() != null) {
                data.put("name", side.agentName());
            }
            ChatStore.Appended appended = engine.appendAndPublish(side.chatId(), side.from(), "attachment", info.fileName(),
                    cid == null || cid.isBlank() ? null : cid.strip(), data);
            return data.copy().put("seq", appended.message().seq()).put("duplicate", appended.duplicate());
        }).onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json.encode()))
                .onFailure(e -> fail(ctx, e));
    }

    void handleDownload(RoutingContext ctx) {
        if (attachments == null) {
            fail(ctx, new VentanillaException(ErrorCode.NOT_FOUND, "this chat takes no attachments"));
            return;
        }
        String id = ctx.pathParam("id");
        engine.blocking(() -> {
            Side side = side(ctx);
            if (!engine.store.attachmentChat(id).map(side.chatId()::equals).orElse(false)) {
                throw new VentanillaException(ErrorCode.NOT_FOUND, "attachment is not part of this chat");
            }
            Attachments.AttachmentInfo info = attachments.describe(id)
                    .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "attachment is no longer kept"));
            try (InputStream in = attachments.open(id)
                    .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "attachment is no longer kept"))) {
                return new Download(info, Buffer.buffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "attachment cannot be read", e);
            }
        }).onSuccess(d -> ctx.response().putHeader("Content-Type", d.info().mediaType())
                .putHeader("Content-Disposition", "attachment; filename=\"" + d.info().fileName().replace("\"", "") + "\"")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "private, no-store")
                .end(d.content())).onFailure(e -> fail(ctx, e));
    }

    /** Who is asking, from the headers: a citizen's session token, or an agent's token and a chat they hold. Blocking. */
    private Side side(RoutingContext ctx) {
        String citizenToken = ctx.request().getHeader("X-Chat-Token");
        if (citizenToken != null) {
            if (!SessionTokens.wellFormed(citizenToken)) {
                throw new VentanillaException(ErrorCode.FORBIDDEN, "session token is not valid");
            }
            JsonObject chat = engine.store.findByToken(SessionTokens.digest(citizenToken))
                    .orElseThrow(() -> new VentanillaException(ErrorCode.FORBIDDEN, "session is unknown"));
            return new Side(chat.getString("chatId"), "citizen", null);
        }
        String agentToken = ctx.request().getHeader("X-Agent-Token");
        String chatId = ctx.request().getHeader("X-Chat-Id");
        Optional<ChatOptions.AgentUser> agent = agentToken == null ? Optional.empty() : engine.agents.byToken(agentToken);
        if (agent.isEmpty() || chatId == null) {
            throw new VentanillaException(ErrorCode.FORBIDDEN, "a chat token, or an agent token and a chat id, are needed");
        }
        JsonObject chat = engine.store.chat(chatId)
                .orElseThrow(() -> new VentanillaException(ErrorCode.FORBIDDEN, "chat is not held by this agent"));
        if (!agent.get().id().equals(chat.getString("agentId"))) {
            throw new VentanillaException(ErrorCode.FORBIDDEN, "chat is not held by this agent");
        }
        return new Side(chatId, "agent", agent.get().displayName());
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "adjunto";
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = name;
        }
        String s = decoded.replaceAll("[\\p{Cntrl}/\\\\\"]", "_").strip();
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    private static void fail(RoutingContext ctx, Throwable e) {
        VentanillaException ve = e instanceof VentanillaException v ? v
                : new VentanillaException(ErrorCode.INTERNAL, "the attachment could not be handled");
        if (!(e instanceof VentanillaException)) {
            LOG.error("chat attachment failed", e);
        }
        ctx.response().setStatusCode(ve.code().httpStatus()).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", ve.code().name()).put("message", ve.getMessage()).encode());
    }

    private record Side(String chatId, String from, String agentName) {
    }

    private record Download(Attachments.AttachmentInfo info, Buffer content) {
    }
}
