package org.ventanilla.ops;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.ops.config.ConfigLoader;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.ops.logging.LogSetup;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.OfferReply;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.api.SkillRequirement;

/**
 * One server node of {@link ServerClusterIT}, run in a JVM of its own from the packaged server jar: the production
 * node (configuration from the {@code VENTANILLA_*} environment, {@link Wiring#node}, {@link Server#start()}, as
 * {@link Main#run} does) on a clock shifted by {@value ChatTwoProcessesIT#OFFSET_PROPERTY}, plus a {@link Driver} verticle
 * in the node's Vert.x that plays this node's agents and contacts through routing's event-bus api only, as the
 * channels and the console do.
 *
 * <p>It prints one line per fact the test checks (and nothing else starts with these words): {@code READY n},
 * {@code SIGNED n agents}, {@code SENDING item}, {@code ENQUEUED item}, {@code OFFER item agent channel},
 * {@code OVER agent channel ...} (never expected), {@code ACCEPTED item agent channel}, {@code COMPLETING item agent},
 * {@code DONE item agent}, {@code ADOPTED agent}, {@code REFUSED ...} and {@code TAKEOVER-REFUSED ...}. Each line is
 * flushed when printed, so what a killed node printed before its death reaches the test whole.
 *
 * <p>Control files in {@value #DIR_PROPERTY} tell the driver what to do: {@code go} (send this node's share of the
 * contacts) and {@code adopt-n} (after a node died: its agents reconnect here with the work they had in hand, and
 * contacts it never took are sent here).
 */
public final class ServerClusterNode {

    static final String RUN_PROPERTY = "ventanilla.cluster.run";
    static final String NODE_PROPERTY = "ventanilla.cluster.node";
    static final String NODES_PROPERTY = "ventanilla.cluster.nodes";
    static final String AGENTS_PROPERTY = "ventanilla.cluster.agents";
    static final String ITEMS_PROPERTY = "ventanilla.cluster.items";
    static final String SEED_PROPERTY = "ventanilla.cluster.seed";
    static final String DIR_PROPERTY = "ventanilla.cluster.dir";

    private ServerClusterNode() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int node = Integer.getInteger(NODE_PROPERTY);
        try {
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.getLong(ChatTwoProcessesIT.OFFSET_PROPERTY, 0L)));
            Settings settings = ConfigLoader.load(Optional.empty(), System.getenv());
            LogSetup.apply(settings.log());
            Server server = Wiring.node(settings, clock).server();
            server.start().await();
            out.println("READY " + node);
            ServerClusterPlan plan = new ServerClusterPlan(System.getProperty(RUN_PROPERTY), Integer.getInteger(AGENTS_PROPERTY),
                    Integer.getInteger(ITEMS_PROPERTY), Long.getLong(SEED_PROPERTY));
            server.vertx().deployVerticle(new Driver(out, plan, node, Integer.getInteger(NODES_PROPERTY),
                    Path.of(System.getProperty(DIR_PROPERTY)))).await();
        } catch (Exception e) {
            out.println("FAILED " + node + " " + e);
            e.printStackTrace(out);
            System.exit(1);
        }
    }

    /**
     * This node's agents and contacts. Agents accept every offer at once and complete the work 1 to 4 s later, then
     * end the wrap-up (as the chat does); contacts are sent with at most {@link #WINDOW} requests in flight, and again
     * when routing answers that the queue is full. Every handler runs on this verticle's event loop, so its maps need
     * no lock.
     */
    static final class Driver extends VerticleBase {

        static final int WINDOW = 16;
        /** How long an agent handles a contact: long enough for work to be in hand when a node dies. */
        static final long HANDLING_MIN_MS = 1_000;
        static final long HANDLING_MAX_MS = 4_000;
        private static final long REQUEST_TIMEOUT_MS = 30_000;
        private static final long RETRY_MS = 250;

        private final PrintStream out;
        private final ServerClusterPlan plan;
        private final int node;
        private final int nodes;
        private final Path dir;
        /** Per agent and channel: work accepted and not yet asked to complete, which surely holds a slot in routing. */
        private final Map<String, EnumMap<Channel, Integer>> held = new HashMap<>();
        private final Deque<EnqueueRequest> toSend = new ArrayDeque<>();
        private int inFlight;
        private boolean going;
        private boolean adopting;

        Driver(PrintStream out, ServerClusterPlan plan, int node, int nodes, Path dir) {
            this.out = out;
            this.plan = plan;
            this.node = node;
            this.nodes = nodes;
            this.dir = dir;
        }

        @Override
        public Future<?> start() {
            for (int i = 0; i < plan.items.size(); i++) {
                if (ServerClusterPlan.nodeOf(i, nodes) == node) {
                    toSend.add(plan.items.get(i));
                }
            }
            List<Future<Void>> signIns = new ArrayList<>();
            for (int i = 0; i < plan.agents.size(); i++) {
                if (ServerClusterPlan.nodeOf(i, nodes) == node) {
                    signIns.add(signIn(plan.agents.get(i).id()));
                }
            }
            return Future.all(signIns).onSuccess(done -> {
                out.println("SIGNED " + node + " " + signIns.size());
                vertx.setPeriodic(100, id -> watchControlFiles());
            });
        }

        /** What the console does when an agent signs in: listen for offers, send the profile, declare AVAILABLE. */
        private Future<Void> signIn(String agentId) {
            MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(RoutingAddresses.offersFor(agentId), this::onOffer);
            return consumer.completion()
                    .compose(v -> request(RoutingAddresses.AGENT_PROFILE, profile(plan.agentsById.get(agentId))))
                    .compose(v -> request(RoutingAddresses.AGENT_STATE, json(AgentStateChange.available(agentId))))
                    .mapEmpty();
        }

        private void watchControlFiles() {
            FileSystem files = vertx.fileSystem();
            if (!going) {
                files.exists(dir.resolve("go").toString()).onSuccess(exists -> {
                    if (exists && !going) {
                        going = true;
                        pump();
                    }
                });
            }
            String adopt = dir.resolve("adopt-" + node).toString();
            if (!adopting) {
                files.exists(adopt).onSuccess(exists -> {
                    if (exists && !adopting) {
                        adopting = true;
                        files.readFile(adopt).onComplete(read -> {
                            if (read.succeeded()) {
                                adopt(List.of(read.result().toString(StandardCharsets.UTF_8).split("\n")));
                            } else {
                                out.println("FAILED " + node + " reading " + adopt + ": " + read.cause());
                            }
                        });
                    }
                });
            }
        }

        // ---- contacts ----

        private void pump() {
            while (going && inFlight < WINDOW && !toSend.isEmpty()) {
                EnqueueRequest request = toSend.poll();
                inFlight++;
                out.println("SENDING " + request.itemId());
                enqueue(request);
            }
        }

        private void enqueue(EnqueueRequest request) {
            request(RoutingAddresses.ENQUEUE, json(request)).onComplete(done -> {
                if (done.failed() && retryable(done.cause())) {
                    // the queue is full (or routing is slow): the channel sends the contact again a little later
                    vertx.setTimer(RETRY_MS, id -> enqueue(request));
                    return;
                }
                inFlight--;
                if (done.succeeded()) {
                    out.println("ENQUEUED " + request.itemId());
                } else {
                    out.println("REFUSED enqueue " + request.itemId() + " " + describe(done.cause()));
                }
                pump();
            });
        }

        // ---- agents ----

        private void onOffer(Message<JsonObject> message) {
            JsonObject offer = message.body();
            String itemId = offer.getString("itemId");
            String agentId = offer.getString("agentId");
            Channel channel = Channel.valueOf(offer.getString("channel"));
            out.println("OFFER " + itemId + " " + agentId + " " + channel);
            EnumMap<Channel, Integer> load = loadOf(agentId);
            int total = load.values().stream().mapToInt(Integer::intValue).sum();
            int capacity = plan.agentsById.get(agentId).capacityOf(channel);
            boolean voiceShared = channel == Channel.VOICE ? total > 0 : load.getOrDefault(Channel.VOICE, 0) > 0;
            if (load.getOrDefault(channel, 0) + 1 > capacity || voiceShared) {
                out.println("OVER " + agentId + " " + channel + " holding " + load + " capacity " + capacity + " offered " + itemId);
            }
            request(RoutingAddresses.OFFER_REPLY, json(new OfferReply(itemId, agentId, true))).onComplete(done -> {
                if (done.failed()) {
                    out.println("REFUSED accept " + itemId + " " + agentId + " " + describe(done.cause()));
                    return;
                }
                load.merge(channel, 1, Integer::sum);
                out.println("ACCEPTED " + itemId + " " + agentId + " " + channel);
                long handling = ThreadLocalRandom.current().nextLong(HANDLING_MIN_MS, HANDLING_MAX_MS + 1);
                vertx.setTimer(handling, id -> complete(itemId, agentId, channel, "REFUSED"));
            });
        }

        /**
         * Completes and ends the wrap-up, as the chat does. The slot counts as free from the moment COMPLETE is sent
         * (channels without wrap-up free it at once), so that the capacity check never counts a slot routing has freed.
         */
        private void complete(String itemId, String agentId, Channel counted, String refusal) {
            if (counted != null) {
                loadOf(agentId).merge(counted, -1, Integer::sum);
            }
            out.println("COMPLETING " + itemId + " " + agentId);
            JsonObject body = json(new OfferReply(itemId, agentId, true));
            request(RoutingAddresses.COMPLETE, body).onComplete(completed -> {
                if (completed.failed()) {
                    out.println(refusal + " complete " + itemId + " " + agentId + " " + describe(completed.cause()));
                }
                request(RoutingAddresses.WRAP_UP_DONE, body).onComplete(ended -> {
                    // NOT_FOUND after a completion: the channel has no wrap-up and the item is already finished
                    if (ended.succeeded() || completed.succeeded() && code(ended.cause()) == ErrorCode.NOT_FOUND) {
                        out.println("DONE " + itemId + " " + agentId);
                    } else {
                        out.println(refusal + " wrapup " + itemId + " " + agentId + " " + describe(ended.cause()));
                    }
                });
            });
        }

        /**
         * Agents whose node died reconnect through this node, as their consoles would: they sign in here (routing binds
         * them to this node) and finish the work they had in hand. Lines: {@code agent id}, {@code held item agent
         * channel} (accepted, COMPLETE never sent: it surely holds a slot), {@code finish item agent} (maybe accepted,
         * maybe completed: finished if routing still holds it for the agent), {@code resend item} (a contact the dead
         * node never took: its channel sends it again, here).
         */
        private void adopt(List<String> lines) {
            List<String[]> work = new ArrayList<>();
            List<Future<Void>> signIns = new ArrayList<>();
            for (String line : lines) {
                String[] words = line.strip().split(" ");
                if (words[0].equals("agent")) {
                    signIns.add(signIn(words[1]).onSuccess(v -> out.println("ADOPTED " + words[1])));
                } else if (words[0].equals("held")) {
                    loadOf(words[2]).merge(Channel.valueOf(words[3]), 1, Integer::sum);
                    work.add(words);
                } else if (words[0].equals("finish")) {
                    work.add(words);
                } else if (words[0].equals("resend")) {
                    toSend.add(plan.itemsById.get(words[1]));
                }
            }
            Future.join(signIns).onComplete(signed -> {
                if (signed.failed()) {
                    out.println("REFUSED adopt " + describe(signed.cause()));
                }
                for (String[] words : work) {
                    complete(words[1], words[2], words[0].equals("held") ? Channel.valueOf(words[3]) : null, "TAKEOVER-REFUSED");
                }
                pump();
            });
        }

        private EnumMap<Channel, Integer> loadOf(String agentId) {
            return held.computeIfAbsent(agentId, id -> new EnumMap<>(Channel.class));
        }

        // ---- the bus ----

        private Future<Object> request(String address, JsonObject body) {
            return vertx.eventBus().request(address, body, new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS)).map(Message::body);
        }

        private static boolean retryable(Throwable failure) {
            if (failure instanceof ReplyException reply) {
                return reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS
                        || code(failure) == ErrorCode.LIMIT_EXCEEDED || code(failure) == ErrorCode.UNAVAILABLE;
            }
            return false;
        }

        private static ErrorCode code(Throwable failure) {
            return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
                    ? RoutingAddresses.errorCode(reply.failureCode()) : null;
        }

        private static String describe(Throwable failure) {
            ErrorCode code = code(failure);
            return (code == null ? failure.getClass().getSimpleName() : code.name()) + ": " + failure.getMessage();
        }

        // ---- routing's messages as JSON, field by field as the channels send them ----

        private static JsonObject json(EnqueueRequest request) {
            JsonArray skills = new JsonArray();
            for (SkillRequirement skill : request.skills()) {
                skills.add(new JsonObject().put("skill", skill.skill()).put("minLevel", skill.minLevel()));
            }
            return new JsonObject().put("itemId", request.itemId()).put("queueId", request.queueId())
                    .put("channel", request.channel().name()).put("category", request.category()).put("skills", skills)
                    .put("language", request.language()).put("priority", request.priority());
        }

        private static JsonObject json(OfferReply reply) {
            return new JsonObject().put("itemId", reply.itemId()).put("agentId", reply.agentId()).put("accepted", reply.accepted());
        }

        private static JsonObject json(AgentStateChange change) {
            return new JsonObject().put("agentId", change.agentId()).put("state", change.state().name()).put("reason", change.reason());
        }

        private static JsonObject profile(ServerClusterPlan.Agent agent) {
            JsonObject capacity = new JsonObject();
            agent.capacity().forEach((channel, slots) -> capacity.put(channel.name(), slots));
            return new JsonObject().put("id", agent.id()).put("skills", new JsonObject(new HashMap<>(agent.skills())))
                    .put("languages", new JsonArray(agent.languages())).put("queues", new JsonArray(agent.queues()))
                    .put("teams", new JsonArray()).put("capacity", capacity);
        }
    }
}
