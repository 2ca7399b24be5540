package org.ventanilla.channels.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.users.ConsentRecord;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeResult;

/**
 * A citizen's WebSocket: start or resume a chat, write, see the self-service answer, wait, converse with an agent,
 * end, rate, ask for the transcript.
 */
final class CitizenSession extends ChatConnection implements ChatHub.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenSession.class);
    private static final List<String> RATINGS = List.of("Excelente", "Bueno", "Regular", "Malo");
    private static final int MAX_CID = 64;

    private volatile String chatId;
    private String lang = "es";
    private ChatHub.Listener listener;
    private ChatRouting.Position lastPosition;
    /** The chat's work item while it waits for an agent, else {@code null}. */
    private volatile String waitingItem;
    /** The chat's work item once intake gave it one. */
    private volatile String itemId;

    CitizenSession(ChatEngine engine, ServerWebSocket ws, Context context, String clientAddress) {
        super(engine, ws, context, clientAddress, engine.citizenCodec);
    }

    @Override
    Future<?> handle(JsonObject frame) {
        String type = frame.getString("type");
        if ("ping".equals(type)) {
            send(new JsonObject().put("type", "pong"));
            return Future.succeededFuture();
        }
        if (chatId == null && !"start".equals(type) && !"resume".equals(type)) {
            return Future.failedFuture(new VentanillaException(ErrorCode.INVALID_INPUT,
                    "a " + type + " frame needs a chat: send start or resume first"));
        }
        if (chatId != null && ("start".equals(type) || "resume".equals(type))) {
            return Future.failedFuture(new VentanillaException(ErrorCode.CONFLICT, "this connection already has a chat"));
        }
        switch (type) {
            case "start":
                return start(frame);
            case "resume":
                return resume(frame);
            case "msg":
                return message(frame);
            case "typing":
            case "delivered":
            case "read":
                return engine.hub.signal(chatId, new JsonObject().put("type", type).put("from", "citizen")
                        .put("chatId", chatId).put("seq", codec().number(frame, "seq", 0)));
            case "solved":
                return solved(frame.getValue("answer") == Boolean.TRUE);
            case "leave":
            case "end":
                return end("leave".equals(type));
            case "rate":
                return rate(frame);
            case "transcript":
                return transcript(frame);
            default:
                return Future.failedFuture(new VentanillaException(ErrorCode.INVALID_INPUT, "frame type " + type + " is not handled"));
        }
    }

    private Future<?> start(JsonObject frame) {
        String name = trimmed(codec().text(frame, "name"), 120);
        String idType = trimmed(codec().text(frame, "identifierType"), 8);
        String idValue = trimmed(codec().text(frame, "identifier"), 32);
        String email = trimmed(codec().text(frame, "email"), 254);
        String phone = trimmed(codec().text(frame, "phone"), 32);
        String topic = trimmed(codec().text(frame, "topic"), 64);
        lang = "en".equals(frame.getString("lang")) ? "en" : "es";
        boolean consent = frame.getValue("consent") == Boolean.TRUE;
        boolean anonymous = idValue == null && email == null && phone == null;
        if ((!anonymous || name != null) && !consent) {
            return Future.failedFuture(new VentanillaException(ErrorCode.INVALID_INPUT,
                    "personal data was given without accepting the personal-data notice (Ley 1581)"));
        }
        String token = SessionTokens.newToken();
        String id = SessionTokens.newId();
        Instant now = engine.clock.instant();
        boolean open = engine.openingHours.isOpen(now);
        JsonObject chat = new JsonObject().put("createdAt", now.toString()).put("status", open ? "open" : "after-hours")
                .put("topic", topic).put("lang", lang).put("anonymous", anonymous);
        if (!anonymous || name != null) {
            chat.put("citizen", new JsonObject().put("name", name).put("identifierType", idType).put("identifier", idValue)
                    .put("email", email).put("phone", phone));
        }
        if (consent) {
            chat.put("consent", new JsonObject().put("accepted", true).put("noticeVersion", engine.options.getNoticeVersion())
                    .put("at", now.toString()).put("channel", "chat"));
        }
        return serial(() -> {
            engine.store.createChat(id, SessionTokens.digest(token), chat);
            JsonObject stored = chat.copy().put("chatId", id);
            if (!open) {
                engine.system(stored, "after-hours", ChatTexts.text(lang, "after-hours"), null);
            }
            return stored;
        }).compose(stored -> {
            chatId = id;
            engine.citizens.add(this);
            send(new JsonObject().put("type", "started").put("chatId", id).put("token", token).put("open", open)
                    .put("lang", lang).put("noticeVersion", engine.options.getNoticeVersion()));
            return listen(0);
        });
    }

    private Future<?> resume(JsonObject frame) {
        String token = frame.getString("token");
        long lastSeq = codec().number(frame, "lastSeq", 0);
        if (!SessionTokens.wellFormed(token)) {
            return Future.failedFuture(new VentanillaException(ErrorCode.FORBIDDEN, "session token is not valid"));
        }
        return serial(() -> engine.store.findByToken(SessionTokens.digest(token))).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new VentanillaException(ErrorCode.FORBIDDEN, "session is unknown"));
            }
            JsonObject chat = found.get();
            chatId = chat.getString("chatId");
            lang = chat.getString("lang", "es");
            itemId = chat.getJsonObject("intake", new JsonObject()).getString("interactionId");
            if ("waiting".equals(chat.getString("status"))) {
                waitingItem = itemId;
            }
            engine.citizens.add(this);
            send(new JsonObject().put("type", "resumed").put("chatId", chatId).put("status", chat.getString("status"))
                    .put("lang", lang).put("lastSeq", lastSeq));
            return listen(lastSeq);
        });
    }

    private Future<ChatHub.Listener> listen(long afterSeq) {
        return engine.hub.listen(chatId, afterSeq, context, this).onSuccess(l -> {
            if (isClosed()) {
                l.close();
            } else {
                listener = l;
            }
        });
    }

    private Future<?> message(JsonObject frame) {
        String text = codec().requiredText(frame, "text");
        String cid = cid(frame);
        String id = chatId;
        return serial(() -> {
            ChatStore.Appended appended = engine.appendAndPublish(id, "citizen", "text", text, cid, null);
            send(new JsonObject().put("type", "ack").put("cid", cid).put("seq", appended.message().seq())
                    .put("duplicate", appended.duplicate()));
            if (!appended.duplicate()) {
                try {
                    afterCitizenMessage(id, text);
                } catch (RuntimeException e) {
                    // the message is stored and acknowledged: a person will still see it
                    LOG.warn("chat {}: intake or self-service failed ({}); the chat goes to an agent", id, e.getMessage());
                    // routed under the chat's own id (there is no interaction)
                    JsonObject chat = engine.updateChat(id, c -> c.put("status", "waiting")
                            .put("intake", new JsonObject().put("interactionId", id).put("category", "general")));
                    queue(chat, id, "general", 5);
                }
            }
            return null;
        });
    }

    /** What the first message of a chat sets off: status by radicado, intake, emergency, self-service, routing. Blocking. */
    private void afterCitizenMessage(String id, String text) {
        JsonObject chat = engine.store.chat(id).orElseThrow();
        String status = chat.getString("status");
        if (!"open".equals(status) && !"after-hours".equals(status)) {
            return;
        }
        if (CaseNumber.looksLike(text)) {
            answerStatus(chat, new CaseNumber(text.strip().toUpperCase(java.util.Locale.ROOT)));
            return;
        }
        boolean afterHours = "after-hours".equals(status);
        IntakeResult result = engine.intake.receive(contact(chat, text, afterHours, id));
        recordConsent(chat, result, id);
        if (result.emergency()) {
            engine.system(chat, "emergency", ChatTexts.text(lang, "emergency", engine.options.getEmergencyNumber()),
                    new JsonObject().put("number", engine.options.getEmergencyNumber()));
        }
        JsonObject intake = new JsonObject().put("interactionId", result.interactionId().toString())
                .put("category", result.categoryCode()).put("deferred", result.deferred()).put("emergency", result.emergency());
        result.caseNumber().ifPresent(c -> intake.put("radicado", c.value()));
        result.citizenId().ifPresent(c -> intake.put("citizenId", c.toString()));
        result.dueDate().ifPresent(d -> intake.put("dueDate", d.toString()));
        if (afterHours) {
            engine.updateChat(id, c -> c.put("intake", intake).put("status", "ended").put("outcome", "after-hours-case"));
            sayCase(chat, result);
            return;
        }
        Optional<ChatServices.ApprovedAnswer> answer = result.deferred() || result.emergency()
                ? Optional.empty() : engine.answers.forCategory(result.categoryCode());
        if (answer.isPresent()) {
            ChatServices.ApprovedAnswer a = answer.get();
            engine.updateChat(id, c -> c.put("intake", intake).put("status", "self-service")
                    .put("selfService", new JsonObject().put("answerId", a.id()).put("version", a.version())));
            engine.system(chat, "self-service", a.chatText(), new JsonObject().put("answerId", a.id()).put("version", a.version())
                    .put("question", ChatTexts.text(lang, "self-service-question")));
            return;
        }
        engine.updateChat(id, c -> c.put("intake", intake).put("status", "waiting"));
        queue(chat, result.interactionId().toString(), result.categoryCode(), result.emergency() ? 9 : 5);
    }

    /** The acceptance of the notice becomes consent evidence of the citizen intake proposed (none for an anonymous chat). */
    private void recordConsent(JsonObject chat, IntakeResult result, String id) {
        JsonObject consent = chat.getJsonObject("consent");
        if (consent == null || result.citizenId().isEmpty() || result.duplicate()) {
            return;
        }
        engine.consents.record(new ConsentRecord(result.citizenId().get().toString(), consent.getString("noticeVersion"),
                Instant.parse(consent.getString("at")), "chat", "aviso aceptado en el chat web (sesión " + id + ")", true));
    }

    private void queue(JsonObject chat, String item, String category, int priority) {
        engine.system(chat, "waiting", ChatTexts.text(lang, "waiting"), null);
        itemId = item;
        waitingItem = item;
        engine.routing.enqueue(new ChatRouting.ChatWork(chat.getString("chatId"), item, category, chat.getString("topic"), priority))
                .onFailure(e -> LOG.warn("chat {} was not queued: {}", chat.getString("chatId"), e.getMessage()));
    }

    private InboundContact contact(JsonObject chat, String text, boolean petition, String id) {
        JsonObject c = chat.getJsonObject("citizen");
        InboundContact.CitizenHints hints = c == null ? InboundContact.CitizenHints.ANONYMOUS
                : new InboundContact.CitizenHints(c.getString("identifierType"), c.getString("identifier"), c.getString("phone"),
                        c.getString("email"), null, c.getString("name"));
        return new InboundContact(Channel.CHAT, id, engine.clock.instant(), hints, null, text,
                new InboundContact.ChannelContext(null, chat.getString("topic"), null), petition, List.of());
    }

    private void sayCase(JsonObject chat, IntakeResult result) {
        String radicado = result.caseNumber().map(CaseNumber::value).orElse("-");
        String due = result.dueDate().map(d -> ChatTexts.text(lang, "due", d)).orElse("");
        JsonObject data = new JsonObject().put("radicado", radicado);
        result.dueDate().ifPresent(d -> data.put("dueDate", d.toString()));
        engine.system(chat, "case", ChatTexts.text(lang, "case", radicado, due), data);
    }

    private void answerStatus(JsonObject chat, CaseNumber radicado) {
        Optional<ChatServices.CaseStatusView> view = engine.cases.find(radicado);
        if (view.isEmpty()) {
            engine.system(chat, "status", ChatTexts.text(lang, "status-unknown", radicado.value()),
                    new JsonObject().put("radicado", radicado.value()).put("found", false));
            return;
        }
        ChatServices.CaseStatusView v = view.get();
        String due = v.dueDate() == null ? "-" : v.dueDate().toString();
        engine.system(chat, "status", ChatTexts.text(lang, "status", radicado.value(), v.status(), v.category(), due),
                new JsonObject().put("radicado", radicado.value()).put("found", true).put("status", v.status())
                        .put("category", v.category()).put("dueDate", due));
    }

    private Future<?> solved(boolean yes) {
        String id = chatId;
        return serial(() -> {
            JsonObject chat = engine.store.chat(id).orElseThrow();
            if (!"self-service".equals(chat.getString("status"))) {
                throw new VentanillaException(ErrorCode.CONFLICT, "chat is not showing a self-service answer");
            }
            JsonObject intake = chat.getJsonObject("intake", new JsonObject());
            if (yes) {
                engine.routing.cancel(intake.getString("interactionId"));
                engine.updateChat(id, c -> c.put("status", "ended").put("outcome", "resolved-self-service")
                        .put("selfService", c.getJsonObject("selfService").put("resolved", true)));
                engine.system(chat, "ended", ChatTexts.text(lang, "ended"), new JsonObject().put("by", "citizen")
                        .put("outcome", "resolved-self-service"));
            } else {
                engine.updateChat(id, c -> c.put("status", "waiting")
                        .put("selfService", c.getJsonObject("selfService").put("resolved", false)));
                queue(chat, intake.getString("interactionId"), intake.getString("category", "general"), 5);
            }
            return null;
        });
    }

    private Future<?> end(boolean leaving) {
        String id = chatId;
        return serial(() -> {
            JsonObject chat = engine.store.chat(id).orElseThrow();
            String status = chat.getString("status");
            if ("ended".equals(status) || "abandoned".equals(status)) {
                return null;
            }
            boolean abandoned = !"conversing".equals(status);
            String item = chat.getJsonObject("intake", new JsonObject()).getString("interactionId");
            waitingItem = null;
            if ("waiting".equals(status) && item != null) {
                engine.routing.abandon(item);
            }
            String agentId = chat.getString("agentId");
            if (agentId != null && item != null && "conversing".equals(status)) {
                engine.routing.complete(item, agentId);
            }
            engine.updateChat(id, c -> c.put("status", abandoned ? "abandoned" : "ended").put("endedBy", "citizen")
                    .put("endedAt", engine.clock.instant().toString()));
            engine.system(chat, "ended", ChatTexts.text(lang, "ended"), new JsonObject().put("by", "citizen")
                    .put("outcome", abandoned ? "abandoned" : "ended").put("leaving", leaving));
            engine.store.forget(id);
            return null;
        });
    }

    private Future<?> rate(JsonObject frame) {
        String rating = frame.getString("rating");
        if (!RATINGS.contains(rating)) {
            return Future.failedFuture(new VentanillaException(ErrorCode.INVALID_INPUT,
                    "rating '" + String.valueOf(rating).substring(0, Math.min(16, String.valueOf(rating).length()))
                            + "' is not one of " + RATINGS));
        }
        String comment = trimmed(codec().text(frame, "comment"), 1000);
        String id = chatId;
        return serial(() -> engine.updateChat(id, c -> c.put("satisfaction", new JsonObject().put("rating", rating)
                .put("comment", comment).put("at", engine.clock.instant().toString()))))
                .onSuccess(c -> send(new JsonObject().put("type", "rated").put("rating", rating)));
    }

    private Future<?> transcript(JsonObject frame) {
        String to = trimmed(codec().text(frame, "email"), 254);
        String id = chatId;
        return serial(() -> engine.updateChat(id, c -> {
            String address = to != null ? to : c.getJsonObject("citizen", new JsonObject()).getString("email");
            if (address == null) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "a transcript request needs an email address");
            }
            return c.put("transcript", new JsonObject().put("requested", true).put("to", address)
                    .put("at", engine.clock.instant().toString()));
        })).onSuccess(c -> send(new JsonObject().put("type", "transcript-recorded")));
    }

    /** Called at most once a second by the engine; sends the queue position only when it changed. */
    void sendPositionIfChanged(ChatRouting.Position p) {
        if (isClosed() || p.equals(lastPosition)) {
            return;
        }
        lastPosition = p;
        send(new JsonObject().put("type", "queue").put("position", p.place()).put("waitSeconds", p.estimatedWaitSeconds()));
    }

    String chatId() {
        return chatId;
    }

    String waitingItem() {
        return waitingItem;
    }

    @Override
    public void message(ChatMessage message) {
        if ("agent-joined".equals(message.kind()) || "ended".equals(message.kind())) {
            waitingItem = null;
        } else if ("transferred".equals(message.kind())) {
            waitingItem = itemId;
        }
        send(message.toFrame());
    }

    @Override
    public void signal(JsonObject signal) {
        if (!"citizen".equals(signal.getString("from"))) {
            send(signal);
        }
    }

    @Override
    void onClosed() {
        engine.citizens.remove(this);
        if (listener != null) {
            listener.close();
        }
    }

    private String cid(JsonObject frame) {
        String cid = codec().requiredText(frame, "cid");
        if (cid.length() > MAX_CID) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED, "message id length (" + cid.length()
                    + ") exceeds the allowed maximum (" + MAX_CID + ")");
        }
        return cid;
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED, "field length (" + s.length() + ") exceeds the allowed maximum ("
                    + max + ")");
        }
        return s;
    }
}
