package org.ventanilla.channels.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;

/**
 * An agent's WebSocket: signs in with a token, receives offers, accepts or declines them, and converses in each
 * accepted chat with the same order and exactly-once rules as the citizen. After a drop the agent signs in again
 * naming the last place seen in each chat and gets what is missing.
 */
final class AgentSession extends ChatConnection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentSession.class);

    private static final int MAX_CID = 64;

    private ChatOptions.AgentUser agent;
    private final Map<String, ChatHub.Listener> chats = new HashMap<>();
    /** Chat id → the offer made for it, until answered or expired. */
    private final Map<String, ChatRouting.Offer> offers = new HashMap<>();

    AgentSession(ChatEngine engine, ServerWebSocket ws, Context context, String clientAddress) {
        super(engine, ws, context, clientAddress, engine.agentCodec);
    }

    @Override
    Future<?> handle(JsonObject frame) {
        String type = frame.getString("type");
        if ("ping".equals(type)) {
            send(new JsonObject().put("type", "pong"));
            return Future.succeededFuture();
        }
        if (agent == null && !"auth".equals(type)) {
            return Future.failedFuture(new VentanillaException(ErrorCode.FORBIDDEN, "sign in first (an auth frame with a token)"));
        }
        switch (type) {
            case "auth":
                return auth(frame);
            case "accept":
                return accept(chatId(frame));
            case "decline":
                return decline(chatId(frame));
            case "msg":
                return message(frame);
            case "typing":
            case "delivered":
            case "read": {
                String chatId = heldChat(frame);
                return engine.hub.signal(chatId, new JsonObject().put("type", type).put("from", "agent").put("chatId", chatId)
                        .put("seq", codec().number(frame, "seq", 0)));
            }
            case "end":
                return end(heldChat(frame));
            case "transfer":
                return transfer(heldChat(frame), codec().requiredText(frame, "queue"));
            case "escalate":
            case "petition":
                return fileCase(heldChat(frame), "escalate".equals(type));
            default:
                return Future.failedFuture(new VentanillaException(ErrorCode.INVALID_INPUT, "frame type " + type + " is not handled"));
        }
    }

    private Future<?> auth(JsonObject frame) {
        if (agent != null) {
            return Future.failedFuture(new VentanillaException(ErrorCode.CONFLICT, "this connection is already signed in"));
        }
        String token = frame.getString("token");
        if (token == null) {
            return Future.failedFuture(new VentanillaException(ErrorCode.FORBIDDEN, "agent token is not valid"));
        }
        // The directory may read the records port (console sessions): never on the event loop.
        return serial(() -> engine.agents.byToken(token)).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new VentanillaException(ErrorCode.FORBIDDEN, "agent token is not valid"));
            }
            if (agent != null) {
                return Future.failedFuture(new VentanillaException(ErrorCode.CONFLICT, "this connection is already signed in"));
            }
            return signedIn(found.get(), frame);
        });
    }

    private Future<?> signedIn(ChatOptions.AgentUser user, JsonObject frame) {
        agent = user;
        AgentSession previous = engine.agentSessions.put(user.id(), this);
        if (previous != null && previous != this) {
            previous.close();
        }
        send(new JsonObject().put("type", "ready").put("agentId", user.id()).put("displayName", user.displayName()));
        JsonObject resume = frame.getJsonObject("chats", new JsonObject());
        Future<?> resumed = Future.succeededFuture();
        for (String chatId : resume.fieldNames()) {
            long last = resume.getValue(chatId) instanceof Number n ? n.longValue() : 0;
            resumed = resumed.compose(v -> serial(() -> engine.store.chat(chatId)).compose(chat -> {
                if (chat.isPresent() && user.id().equals(chat.get().getString("agentId"))) {
                    send(new JsonObject().put("type", "joined").put("chatId", chatId).put("resumed", true));
                    return listen(chatId, last);
                }
                send(FrameCodec.error(ErrorCode.FORBIDDEN, "chat " + chatId + " is not held by this agent", null));
                return Future.succeededFuture();
            }));
        }
        return resumed.transform(v -> engine.routing.signOn(user.id(), engine.options.getAgentCapacity(),
                offer -> context.runOnContext(x -> offered(offer))));
    }

    /**
     * An offer from routing: shown to the agent with the chat it is for and the moment it expires; when the agent
     * has not answered by then, routing gives the chat to someone else and the agent is told {@code offer-expired}.
     */
    private void offered(ChatRouting.Offer offer) {
        if (isClosed()) {
            return;
        }
        serial(() -> engine.store.chatOfItem(offer.itemId()).map(engine.store::chat).flatMap(c -> c)).onSuccess(found -> {
            if (found.isEmpty()) {
                LOG.warn("offer of work item {} is not for a chat of this node's store; declined", offer.itemId());
                engine.routing.decline(offer.itemId(), agent.id());
                return;
            }
            JsonObject chat = found.get();
            String chatId = chat.getString("chatId");
            offers.put(chatId, offer);
            JsonObject frame = new JsonObject().put("type", "offer").put("chatId", chatId).put("itemId", offer.itemId())
                    .put("queue", offer.queue()).put("category", offer.category()).put("topic", chat.getString("topic"))
                    .put("priority", offer.priority());
            if (offer.expiresAt() != null) {
                long ms = Math.max(1, offer.expiresAt().toEpochMilli() - engine.clock.millis());
                frame.put("expiresAt", offer.expiresAt().toString()).put("expiresInSeconds", (ms + 999) / 1000);
                engine.vertx.setTimer(ms, t -> context.runOnContext(x -> {
                    if (offers.remove(chatId, offer) && !isClosed()) {
                        send(new JsonObject().put("type", "offer-expired").put("chatId", chatId));
                    }
                }));
            }
            send(frame);
        });
    }

    /** The item of a chat offered to this agent or held by them. Blocking when it must be read. */
    private Future<String> itemOf(String chatId) {
        ChatRouting.Offer offer = offers.get(chatId);
        if (offer != null) {
            return Future.succeededFuture(offer.itemId());
        }
        return serial(() -> engine.store.chat(chatId).map(c -> c.getJsonObject("intake", new JsonObject()).getString("interactionId"))
                .orElseThrow(() -> new VentanillaException(ErrorCode.CONFLICT, "chat " + chatId + " is not offered to this agent")));
    }

    private Future<?> decline(String chatId) {
        return itemOf(chatId).compose(item -> engine.routing.decline(item, agent.id())).onComplete(v -> offers.remove(chatId));
    }

    private Future<?> accept(String chatId) {
        return itemOf(chatId).compose(item -> engine.routing.accept(item, agent.id())).compose(v -> serial(() -> {
            offers.remove(chatId);
            JsonObject chat = engine.updateChat(chatId, c -> c.put("status", "conversing").put("agentId", agent.id())
                    .put("agentName", agent.displayName()));
            engine.system(chat, "agent-joined", ChatTexts.text(chat.getString("lang", "es"), "agent-joined", agent.displayName()),
                    new JsonObject().put("name", agent.displayName()));
            return chat;
        })).compose(chat -> {
            JsonObject intake = chat.getJsonObject("intake", new JsonObject());
            send(new JsonObject().put("type", "joined").put("chatId", chatId).put("topic", chat.getString("topic"))
                    .put("category", intake.getString("category")).put("anonymous", chat.getBoolean("anonymous", true))
                    .put("lang", chat.getString("lang")));
            return listen(chatId, 0);
        });
    }

    private Future<ChatHub.Listener> listen(String chatId, long after) {
        return engine.hub.listen(chatId, after, context, new ChatHub.Sink() {
            @Override
            public void message(ChatMessage message) {
                send(message.toFrame());
            }

            @Override
            public void signal(JsonObject signal) {
                if (!"agent".equals(signal.getString("from"))) {
                    send(signal);
                }
            }
        }).onSuccess(l -> {
            ChatHub.Listener old = chats.put(chatId, l);
            if (old != null) {
                old.close();
            }
            if (isClosed()) {
                l.close();
            }
        });
    }

    private Future<?> message(JsonObject frame) {
        String chatId = heldChat(frame);
        String text = codec().requiredText(frame, "text");
        String cid = codec().requiredText(frame, "cid");
        if (cid.length() > MAX_CID) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED, "message id length (" + cid.length()
                    + ") exceeds the allowed maximum (" + MAX_CID + ")");
        }
        return serial(() -> engine.appendAndPublish(chatId, "agent", "text", text, cid, new JsonObject().put("name", agent.displayName())))
                .onSuccess(a -> send(new JsonObject().put("type", "ack").put("chatId", chatId).put("cid", cid)
                        .put("seq", a.message().seq()).put("duplicate", a.duplicate())));
    }

    private Future<?> end(String chatId) {
        return serial(() -> {
            JsonObject chat = engine.updateChat(chatId, c -> c.put("status", "ended").put("endedBy", "agent")
                    .put("endedAt", engine.clock.instant().toString()));
            engine.system(chat, "ended", ChatTexts.text(chat.getString("lang", "es"), "ended"), new JsonObject().put("by", "agent"));
            engine.store.forget(chatId);
            return chat;
        }).compose(chat -> engine.routing.complete(chat.getJsonObject("intake", new JsonObject()).getString("interactionId"),
                agent.id()));
    }

    private Future<?> transfer(String chatId, String queue) {
        return itemOf(chatId).compose(item -> engine.routing.transfer(item, agent.id(), queue)).compose(v -> serial(() -> {
            JsonObject chat = engine.updateChat(chatId, c -> c.put("status", "waiting").putNull("agentId"));
            engine.system(chat, "transferred", ChatTexts.text(chat.getString("lang", "es"), "transferred"),
                    new JsonObject().put("queue", queue));
            return null;
        })).onSuccess(v -> {
            ChatHub.Listener l = chats.remove(chatId);
            if (l != null) {
                l.close();
            }
        });
    }

    /**
     * Files the chat as a petition (a radicado) or escalates it to a deferred case (radicado and due date), through
     * intake with the chat's own external id and a suffix, so that a repeated request files it once.
     */
    private Future<?> fileCase(String chatId, boolean escalate) {
        return serial(() -> {
            JsonObject chat = engine.store.chat(chatId).orElseThrow();
            String lang = chat.getString("lang", "es");
            String topic = chat.getString("topic");
            IntakeResult r = engine.intake.receive(new InboundContact(Channel.CHAT, chatId + (escalate ? "#case" : "#petition"),
                    engine.clock.instant(), InboundContact.CitizenHints.ANONYMOUS, null,
                    escalate ? "Escalado desde chat" : "Petición verbal por chat",
                    new InboundContact.ChannelContext(null, topic == null ? "general" : topic, null), true, List.of()));
            String radicado = r.caseNumber().map(Object::toString).orElse("-");
            JsonObject data = new JsonObject().put("radicado", radicado).put("escalated", escalate);
            r.dueDate().ifPresent(d -> data.put("dueDate", d.toString()));
            engine.updateChat(chatId, c -> c.put(escalate ? "escalation" : "petition", data.copy()));
            String due = r.dueDate().map(d -> ChatTexts.text(lang, "due", d)).orElse("");
            engine.system(chat, "case", ChatTexts.text(lang, "case", radicado, due), data);
            return data;
        }).onSuccess(data -> send(new JsonObject().put("type", "filed").put("chatId", chatId).mergeIn(data)));
    }

    private String chatId(JsonObject frame) {
        return codec().requiredText(frame, "chatId");
    }

    private String heldChat(JsonObject frame) {
        String chatId = chatId(frame);
        if (!chats.containsKey(chatId)) {
            throw new VentanillaException(ErrorCode.FORBIDDEN, "chat " + chatId + " is not held by this agent");
        }
        return chatId;
    }

    @Override
    void onClosed() {
        chats.values().forEach(ChatHub.Listener::close);
        chats.clear();
        offers.clear();
        if (agent != null && engine.agentSessions.remove(agent.id(), this)) {
            engine.routing.signOff(agent.id());
        }
    }
}
