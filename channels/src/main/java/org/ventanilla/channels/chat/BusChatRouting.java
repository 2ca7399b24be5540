package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.routing.api.RoutingAddresses;

/**
 * Routing of chats through routing's event-bus api ({@link RoutingAddresses}), with plain JSON bodies.
 *
 * <p>An agent who signs on defines their profile ({@code agent.profile}, from the {@link Profiles} lookup, or every
 * queue at the chat capacity when they have none) and becomes AVAILABLE. Offers reach them on this node in two
 * ways, the same offer being passed on once (by its offer id): the local bus address
 * {@link RoutingAddresses#offersFor(String)}, for the routing engine of this node, and the cluster-events topic
 * {@code ventanilla.chat-offers.<agentId>}, to which every node's {@code BusChatRouting} copies each offer its own
 * engine publishes (an outbound interceptor of the event bus), so that an engine on another node that shares the
 * live state can offer work to an agent connected here.
 *
 * <p>Places in the queue come from {@code queue.waiting}, read at most once a second per queue.
 */
public final class BusChatRouting implements ChatRouting {

    /** The cluster-events topic prefix of offers. */
    public static final String OFFER_TOPIC_PREFIX = "ventanilla.chat-offers.";
    /** The reason routing records when an agent's connection is gone. */
    static final String DISCONNECTED = "sin conexión";
    private static final Logger LOG = LoggerFactory.getLogger(BusChatRouting.class);
    private static final String OFFERS_PREFIX = RoutingAddresses.offersFor("x").substring(0, RoutingAddresses.offersFor("x").length() - 1);
    private static final long REQUEST_TIMEOUT_MS = 10_000;
    private static final long POSITIONS_MAX_AGE_MS = 1000;
    private static final long SECONDS_PER_PLACE = 60;
    private static final int MAX_REMEMBERED = 100_000;
    private static final int MAX_SEEN_OFFERS = 256;

    private final Vertx vertx;
    private final ClusterEvents events;
    private final Profiles profiles;
    private final Function<String, String> queueOfCategory;
    private final List<String> allQueues;
    private final Clock clock;
    private final Map<String, Signed> agents = new ConcurrentHashMap<>();
    private final Map<String, String> itemQueues = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Handler<DeliveryContext<Object>> bridge;

    private BusChatRouting(Vertx vertx, ClusterEvents events, Profiles profiles, Function<String, String> queueOfCategory,
            List<String> allQueues, Clock clock) {
        this.vertx = vertx;
        this.events = events;
        this.profiles = profiles;
        this.queueOfCategory = queueOfCategory;
        this.allQueues = List.copyOf(allQueues);
        this.clock = clock;
        this.bridge = this::copyOfferToCluster;
        vertx.eventBus().addOutboundInterceptor(bridge);
    }

    /**
     * Routing of the chats of this node.
     *
     * @param vertx           the node's Vert.x, whose event bus carries routing's api
     * @param events          cluster events, carrying offers between nodes
     * @param profiles        an agent's profile (skills, languages, queues, capacities); blocking
     * @param queueOfCategory the queue of a service category
     * @param allQueues       the queues of an agent without a profile
     * @param clock           the time of cached queue places
     */
    public static BusChatRouting create(Vertx vertx, ClusterEvents events, Profiles profiles, Function<String, String> queueOfCategory,
            List<String> allQueues, Clock clock) {
        return new BusChatRouting(vertx, events, profiles, queueOfCategory, allQueues, clock);
    }

    /** Stops copying offers to the cluster and drops the agents' subscriptions. */
    public void close() {
        vertx.eventBus().removeOutboundInterceptor(bridge);
        new ArrayList<>(agents.keySet()).forEach(this::unsubscribe);
    }

    @Override
    public Future<Void> enqueue(ChatWork work) {
        String queue = queueOfCategory.apply(work.category());
        itemQueues.put(work.itemId(), queue);
        return request(RoutingAddresses.ENQUEUE, new JsonObject().put("itemId", work.itemId()).put("queueId", queue)
                .put("channel", "CHAT").put("category", work.category()).put("priority", work.priority())).mapEmpty();
    }

    @Override
    public Future<Void> abandon(String itemId) {
        itemQueues.remove(itemId);
        return request(RoutingAddresses.ABANDON, new JsonObject().put("itemId", itemId)).mapEmpty();
    }

    @Override
    public Future<Void> cancel(String itemId) {
        itemQueues.remove(itemId);
        return request(RoutingAddresses.CANCEL, new JsonObject().put("itemId", itemId).put("reason", "autoservicio")).mapEmpty();
    }

    @Override
    public Future<Void> accept(String itemId, String agentId) {
        return reply(itemId, agentId, true);
    }

    @Override
    public Future<Void> decline(String itemId, String agentId) {
        return reply(itemId, agentId, false);
    }

    private Future<Void> reply(String itemId, String agentId, boolean accepted) {
        return request(RoutingAddresses.OFFER_REPLY, new JsonObject().put("itemId", itemId).put("agentId", agentId)
                .put("accepted", accepted)).mapEmpty();
    }

    @Override
    public Future<Void> complete(String itemId, String agentId) {
        itemQueues.remove(itemId);
        JsonObject body = new JsonObject().put("itemId", itemId).put("agentId", agentId).put("accepted", true);
        return request(RoutingAddresses.COMPLETE, body)
                // no wrap-up in chat: the slot is free at once (refused when the channel has no wrap-up: nothing to end)
                .compose(v -> request(RoutingAddresses.WRAP_UP_DONE, body).otherwiseEmpty()).mapEmpty();
    }

    @Override
    public Future<Void> transfer(String itemId, String agentId, String queue) {
        itemQueues.put(itemId, queue);
        return request(RoutingAddresses.TRANSFER, new JsonObject().put("itemId", itemId).put("queueId", queue)).mapEmpty();
    }

    @Override
    public Future<Void> signOn(String agentId, int capacity, OfferListener listener) {
        unsubscribe(agentId);
        Signed signed = new Signed(agentId, listener);
        agents.put(agentId, signed);
        signed.consumer = vertx.eventBus().<JsonObject>consumer(RoutingAddresses.offersFor(agentId), m -> signed.deliver(m.body()));
        Future<ClusterEvents.Subscription> subscription = Future.fromCompletionStage(events.subscribe(OFFER_TOPIC_PREFIX + agentId,
                payload -> vertx.runOnContext(v -> signed.deliver(new JsonObject(payload)))));
        subscription.onSuccess(s -> {
            signed.subscription = s;
            if (agents.get(agentId) != signed) {
                s.unsubscribe();
            }
        });
        return Future.all(signed.consumer.completion(), subscription)
                .compose(v -> vertx.executeBlocking(() -> profileJson(agentId, capacity), false))
                .compose(profile -> request(RoutingAddresses.AGENT_PROFILE, profile))
                .compose(v -> request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", agentId).put("state", "AVAILABLE")))
                .mapEmpty();
    }

    private JsonObject profileJson(String agentId, int capacity) {
        Optional<AgentProfile> found = profiles.profileOf(agentId);
        JsonObject json = new JsonObject().put("id", agentId).put("teams", new JsonArray());
        if (found.isEmpty()) {
            return json.put("skills", new JsonObject()).put("languages", new JsonArray().add("es"))
                    .put("queues", new JsonArray(new ArrayList<>(allQueues))).put("capacity", new JsonObject().put("CHAT", capacity));
        }
        AgentProfile p = found.get();
        JsonObject skills = new JsonObject();
        p.skills().forEach(skills::put);
        return json.put("skills", skills).put("languages", new JsonArray(new ArrayList<>(p.languages())))
                .put("queues", new JsonArray(new ArrayList<>(p.queues())))
                .put("capacity", new JsonObject().put("VOICE", p.capacity().voice()).put("CHAT", p.capacity().chat())
                        .put("EMAIL", p.capacity().email()));
    }

    @Override
    public void signOff(String agentId) {
        unsubscribe(agentId);
        // away, not offline: the offers go back to their queues and the accepted chats stay the agent's
        request(RoutingAddresses.AGENT_STATE, new JsonObject().put("agentId", agentId).put("state", "AWAY").put("reason", DISCONNECTED))
                .onFailure(e -> LOG.debug("agent state after a disconnection not recorded: {}", e.getMessage()));
    }

    private void unsubscribe(String agentId) {
        Signed old = agents.remove(agentId);
        if (old != null) {
            old.consumer.unregister();
            if (old.subscription != null) {
                old.subscription.unsubscribe();
            }
        }
    }

    @Override
    public Future<Map<String, Position>> positions(Collection<String> itemIds) {
        Map<String, List<String>> byQueue = new HashMap<>();
        for (String id : itemIds) {
            String queue = itemQueues.get(id);
            if (queue != null) {
                byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(id);
            }
        }
        List<Future<Void>> reads = new ArrayList<>();
        Map<String, Position> out = new ConcurrentHashMap<>();
        for (Map.Entry<String, List<String>> e : byQueue.entrySet()) {
            reads.add(places(e.getKey()).map(places -> {
                for (String id : e.getValue()) {
                    Integer place = places.get(id);
                    if (place != null) {
                        out.put(id, new Position(place, place * SECONDS_PER_PLACE));
                    }
                }
                return null;
            }));
        }
        return Future.join(reads).transform(ar -> Future.succeededFuture(out));
    }

    /** Item id → place (1 = next) in one queue, read again when older than a second. */
    private Future<Map<String, Integer>> places(String queue) {
        long now = clock.millis();
        Waiting cached = waiting.get(queue);
        if (cached != null && now - cached.readAt < POSITIONS_MAX_AGE_MS) {
            return cached.places;
        }
        Future<Map<String, Integer>> read = vertx.eventBus().<JsonArray>request(RoutingAddresses.QUEUE_WAITING,
                new JsonObject().put("queueId", queue), new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS)).map(m -> {
                    Map<String, Integer> places = new HashMap<>();
                    JsonArray items = m.body();
                    for (int i = 0; i < items.size(); i++) {
                        places.put(items.getJsonObject(i).getString("itemId"), i + 1);
                    }
                    return places;
                });
        waiting.put(queue, new Waiting(now, read));
        return read;
    }

    private Future<Object> request(String address, JsonObject body) {
        return vertx.eventBus().request(address, body, new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
                .<Object>map(m -> m.body())
                .recover(e -> Future.failedFuture(e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE
                        ? new VentanillaException(RoutingAddresses.errorCode(r.failureCode()), r.getMessage())
                        : e));
    }

    /** Outbound interceptor: each offer this node's engine publishes is copied to the agent's cluster topic. */
    private void copyOfferToCluster(DeliveryContext<Object> ctx) {
        try {
            String address = ctx.message().address();
            if (address != null && address.startsWith(OFFERS_PREFIX) && ctx.body() instanceof JsonObject offer) {
                events.publish(OFFER_TOPIC_PREFIX + address.substring(OFFERS_PREFIX.length()), offer.encode());
            }
        } finally {
            ctx.next();
        }
    }

    /** An agent's profile, blocking. */
    @FunctionalInterface
    public interface Profiles {
        Optional<AgentProfile> profileOf(String agentId);
    }

    private record Waiting(long readAt, Future<Map<String, Integer>> places) {
    }

    /** An agent signed on at this node. */
    private static final class Signed {
        private final String agentId;
        private final OfferListener listener;
        private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > MAX_SEEN_OFFERS;
            }
        });
        private MessageConsumer<JsonObject> consumer;
        private volatile ClusterEvents.Subscription subscription;

        Signed(String agentId, OfferListener listener) {
            this.agentId = agentId;
            this.listener = listener;
        }

        void deliver(JsonObject offer) {
            String offerId = offer.getString("offerId");
            if (!agentId.equals(offer.getString("agentId")) || offerId == null) {
                return;
            }
            synchronized (seen) {
                if (!seen.add(offerId)) {
                    return;
                }
            }
            String expires = offer.getString("expiresAt");
            listener.offer(new Offer(offerId, offer.getString("itemId"), offer.getString("queueId"), offer.getString("category"),
                    offer.getInteger("priority", 5), expires == null ? null : Instant.parse(expires)));
        }
    }
}
