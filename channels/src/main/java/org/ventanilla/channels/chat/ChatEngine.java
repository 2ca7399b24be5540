package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.intake.IntakeService;
import org.ventanilla.core.store.ConsentLog;

/**
 * What the citizen and agent sessions of one node share: the settings, the store, the hub, routing, the rate
 * limits and the services of the rest of Ventanilla. Each use case lives in the session that starts it.
 */
final class ChatEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ChatEngine.class);

    final Vertx vertx;
    final ChatOptions options;
    final ChatStore store;
    final ChatHub hub;
    final ChatRouting routing;
    final IntakeService intake;
    final Clock clock;
    final ChatServices.OpeningHours openingHours;
    final ChatServices.SelfServiceAnswers answers;
    final ChatServices.CaseStatusLookup cases;
    final ChatServices.AgentDirectory agents;
    final ConsentLog consents;
    final RateLimiter sessionLimiter;
    final RateLimiter addressLimiter;
    final FrameCodec citizenCodec;
    final FrameCodec agentCodec;
    final Set<CitizenSession> citizens = ConcurrentHashMap.newKeySet();
    final Map<String, AgentSession> agentSessions = new ConcurrentHashMap<>();
    private final long positionTimer;
    private final long evictTimer;

    ChatEngine(Vertx vertx, ChatOptions options, ChatChannel.Dependencies deps) {
        this.vertx = vertx;
        this.options = options;
        this.clock = deps.clock();
        this.store = new ChatStore(deps.records(), clock);
        this.hub = new ChatHub(vertx, deps.events(), store, "ventanilla.chat.");
        this.routing = deps.routing();
        this.intake = deps.intake();
        this.openingHours = deps.openingHours();
        this.answers = deps.answers();
        this.cases = deps.cases();
        this.agents = deps.agents() != null ? deps.agents() : token -> java.util.Optional.ofNullable(options.getTestAgents().get(token));
        this.consents = new ConsentLog(deps.records());
        this.sessionLimiter = new RateLimiter(clock, options.getSessionRate(), options.getSessionBurst());
        this.addressLimiter = new RateLimiter(clock, options.getAddressRate(), options.getAddressBurst());
        this.citizenCodec = new FrameCodec(options.getMaxFrameChars(), options.getMaxTextChars(), FrameCodec.CITIZEN_TYPES);
        this.agentCodec = new FrameCodec(options.getMaxFrameChars(), options.getMaxTextChars(), FrameCodec.AGENT_TYPES);
        // position updates: at most one a second per waiting citizen, and only when it changed
        this.positionTimer = vertx.setPeriodic(1000, id -> sendPositions());
        this.evictTimer = vertx.setPeriodic(60_000, id -> {
            sessionLimiter.evictIdle();
            addressLimiter.evictIdle();
        });
    }

    private void sendPositions() {
        Map<String, CitizenSession> byItem = new java.util.HashMap<>();
        for (CitizenSession s : citizens) {
            String item = s.waitingItem();
            if (item != null) {
                byItem.put(item, s);
            }
        }
        if (byItem.isEmpty()) {
            return;
        }
        routing.positions(byItem.keySet()).onSuccess(positions -> positions.forEach((item, p) -> {
            CitizenSession s = byItem.get(item);
            s.context.runOnContext(v -> s.sendPositionIfChanged(p));
        })).onFailure(e -> LOG.debug("queue places not read: {}", e.getMessage()));
    }

    /** Stores a message, announces it, and returns it (with {@code duplicate} for a repeated send). Blocking. */
    ChatStore.Appended appendAndPublish(String chatId, String from, String kind, String text, String cid, JsonObject data) {
        ChatStore.Appended appended = store.append(chatId, from, kind, text, cid, data);
        hub.publish(appended.message());
        return appended;
    }

    /** A system message in the chat's language. Blocking. */
    ChatMessage system(JsonObject chat, String kind, String text, JsonObject data) {
        return appendAndPublish(chat.getString("chatId"), "system", kind, text, null, data).message();
    }

    JsonObject updateChat(String chatId, UnaryOperator<JsonObject> change) {
        return store.updateChat(chatId, change);
    }

    /** Runs blocking work on a worker thread. */
    <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    void close() {
        vertx.cancelTimer(positionTimer);
        vertx.cancelTimer(evictTimer);
        citizens.forEach(CitizenSession::close);
        agentSessions.values().forEach(AgentSession::close);
        LOG.debug("chat engine closed");
    }
}
