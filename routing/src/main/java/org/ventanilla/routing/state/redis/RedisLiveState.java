package org.ventanilla.routing.state.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.ventanilla.core.adapter.redis.RedisLeases;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.RelaxationStep;
import org.ventanilla.routing.model.WorkItem;
import org.ventanilla.routing.state.AgentSnapshot;
import org.ventanilla.routing.state.Arrival;
import org.ventanilla.routing.state.AssignTrigger;
import org.ventanilla.routing.state.Assignment;
import org.ventanilla.routing.state.EnqueueOutcome;
import org.ventanilla.routing.state.LiveItem;
import org.ventanilla.routing.state.LiveState;
import org.ventanilla.routing.state.Release;
import org.ventanilla.routing.state.Transition;

/**
 * The live state in Redis, shared by every node of an installation. Each {@link LiveState} method is one Lua script
 * (resources {@code lua/*.lua}, loaded once with SCRIPT LOAD and run with EVALSHA) that receives "now" as an argument,
 * so the nodes' clocks decide, never Redis TIME. The assignment script chooses and reserves in one step: nodes racing
 * never give one item to two agents nor push an agent beyond its capacity.
 *
 * <p>Nodes: an agent is bound to the node it declared its presence through (that node holds its connection), and an
 * item is offered only by the node of the agent it goes to. Each node keeps a lease ({@link #heartbeat}); every
 * node runs {@link #sweep} on its tick, which gives back the offers of nodes whose lease lapsed and offers older than
 * the stale limit. The agents of a dead node are taken over by the node their consoles reconnect to ({@link #adopt}).
 *
 * <p>Keys (all under the prefix; one Redis, not a Redis Cluster, since scripts build their keys): {@code q:<queue>}
 * (skills, relaxation, size), {@code a:<agent>} (profile and live state), {@code aq:<agent>} and {@code qa:<queue>}
 * (memberships), {@code f:<queue>:<channel>:<node>} (members bound to a node with a free slot), {@code i:<item>}
 * (an item), {@code w:<queue>:<channel>:<language>} and {@code pw:<agent>:<channel>} (waiting items, most urgent
 * first), {@code arr:<queue>} (waiting items by arrival), {@code items}, {@code offers}, {@code wraps} (wrap-ups by
 * start), {@code seq}, {@code completions} (a capped stream of completions), {@code violations} (capacity breaches
 * the script saw: always 0), {@code lease:} (node leases).
 *
 * <p>Redis unreachable: every method throws {@link VentanillaException} UNAVAILABLE and {@link #isReachable()} is false.
 */
public final class RedisLiveState implements LiveState, AutoCloseable {

    /** How long a node's lease lives without a heartbeat. */
    public static final Duration DEFAULT_NODE_LEASE = Duration.ofSeconds(10);
    /** About how many completions the {@code completions} stream keeps. */
    public static final int COMPLETIONS_KEPT = 100_000;
    /** The lease name of a node is this plus its id. */
    public static final String NODE_LEASE = "routing-node:";

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final char[] FORBIDDEN_IN_SKILL = {',', ':', ';'};

    private final RedisURI uri;
    private final String prefix;
    private final String nodeId;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisLeases leases;
    private final Map<Script, String> shas = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private RedisLiveState(RedisURI uri, String prefix, String nodeId, RedisClient client,
            StatefulRedisConnection<String, String> connection, RedisLeases leases) {
        this.uri = uri;
        this.prefix = prefix;
        this.nodeId = nodeId;
        this.client = client;
        this.connection = connection;
        this.leases = leases;
    }

    /**
     * Connects and loads the scripts. Every node of one installation uses the same prefix and its own node id.
     *
     * @throws VentanillaException INVALID_INPUT for a bad URI, prefix or node id; UNAVAILABLE when Redis cannot be reached
     */
    public static RedisLiveState create(String redisUri, String keyPrefix, String nodeId) {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "routing key prefix is missing");
        }
        if (nodeId == null || nodeId.isEmpty() || nodeId.length() > 100 || !nodeId.matches("[A-Za-z0-9._:-]+")) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "routing node id must be 1 to 100 letters, digits or . _ : - (value not shown)");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUri);
        } catch (IllegalArgumentException | NullPointerException e) {
            // The URI may carry a password: it is never repeated in the message.
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "Redis URI is not valid (expected redis://host:port)", e);
        }
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        StatefulRedisConnection<String, String> connection;
        try {
            connection = client.connect();
        } catch (RedisException e) {
            client.shutdown();
            throw unreachable(uri, e);
        }
        RedisLeases leases;
        try {
            leases = RedisLeases.create(redisUri, keyPrefix + "lease:");
        } catch (VentanillaException e) {
            connection.close();
            client.shutdown();
            throw e;
        }
        RedisLiveState state = new RedisLiveState(uri, keyPrefix, nodeId, client, connection, leases);
        try {
            for (Script script : Script.values()) {
                state.load(script);
            }
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        return state;
    }

    /** This node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** The key prefix. */
    public String prefix() {
        return prefix;
    }

    // ---- nodes ----

    /** Takes or renews this node's lease; call it well within {@code ttl}. False when another holder has it (a bug). */
    public boolean heartbeat(Duration ttl) {
        return leases.tryAcquire(NODE_LEASE + nodeId, nodeId, ttl);
    }

    /** Gives up this node's lease (a clean stop): the other nodes' sweeps return its offers at once. */
    public void leave() {
        leases.release(NODE_LEASE + nodeId, nodeId);
    }

    /**
     * Gives back to their queues the offers made by nodes whose lease lapsed and the offers made at or before
     * {@code staleBefore}, as if declined (the item keeps its place). Any node may run it; it is one script.
     *
     * @return item id to agent id, for each offer given back
     */
    public Map<String, String> sweep(Instant now, Instant staleBefore) {
        List<Object> reply = run(Script.SWEEP, now, leasePrefix(), Long.toString(staleBefore.toEpochMilli()));
        Map<String, String> returned = new TreeMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            returned.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return returned;
    }

    /**
     * Ends the wrap-ups held by nodes whose lease lapsed (their timers died with them): the item leaves and the agent's
     * slot is free. Any node may run it on its tick, after {@link #sweep}.
     *
     * @return the items whose wrap-up was ended, as they were just before (with their agent)
     */
    public List<LiveItem> sweepWrapUps(Instant now) {
        return liveItems(run(Script.SWEEP_WRAP_UPS, now, leasePrefix()));
    }

    /** Binds to this node those of {@code agentIds} whose node's lease lapsed; returns the ones taken over. */
    public List<String> adopt(Collection<String> agentIds, Instant now) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        args.add(leasePrefix());
        args.addAll(agentIds);
        List<Object> reply = run(Script.ADOPT, now, args.toArray(new String[0]));
        List<String> adopted = new ArrayList<>(reply.size());
        for (Object id : reply) {
            adopted.add((String) id);
        }
        return adopted;
    }

    /** Capacity breaches the assignment script has seen; 0 unless the script has a bug. */
    public long violations() {
        String value = call(() -> commands().get(prefix + "violations"));
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The SHA1 of the assignment script as loaded (for redis-benchmark and diagnostics). */
    public String assignScriptSha() {
        return shas.get(Script.ASSIGN);
    }

    /** The script arguments {@link #assignNext} sends for {@code trigger} at {@code now}. */
    public List<String> assignArguments(AssignTrigger trigger, Instant now) {
        return List.of(prefix, nodeId, Long.toString(now.toEpochMilli()), trigger.kind().name(), trigger.id());
    }

    // ---- the port ----

    @Override
    public void putQueue(QueueSpec queue) {
        StringBuilder relax = new StringBuilder();
        for (RelaxationStep step : queue.relaxation()) {
            if (relax.length() > 0) {
                relax.append(';');
            }
            relax.append(step.after().toMillis()).append(':').append(checkedSkill(step.skill())).append(':').append(step.level());
        }
        run(Script.PUT_QUEUE, Instant.EPOCH, queue.id(), requirements(queue.skills()), relax.toString());
    }

    @Override
    public void putAgent(AgentSpec agent, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(agent.id());
        StringBuilder languages = new StringBuilder(",");
        for (String language : new java.util.TreeSet<>(agent.languages())) {
            languages.append(language).append(',');
        }
        args.add(languages.toString());
        StringBuilder skills = new StringBuilder(",");
        new TreeMap<>(agent.skills()).forEach((skill, level) -> skills.append(checkedSkill(skill)).append(':').append(level).append(','));
        args.add(skills.toString());
        for (Channel channel : Channel.values()) {
            args.add(Integer.toString(agent.capacity(channel)));
        }
        args.addAll(new java.util.TreeSet<>(agent.queues()));
        run(Script.PUT_AGENT, now, args.toArray(new String[0]));
    }

    @Override
    public AgentSnapshot setPresence(String agentId, AgentState state, String reason, Instant now) {
        if (state == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "agent state is missing");
        }
        return snapshot(run(Script.SET_PRESENCE, now, agentId, state.name(), reason == null ? "" : reason));
    }

    @Override
    public Optional<AgentSnapshot> agent(String agentId) {
        return Optional.ofNullable(snapshot(run(Script.GET_AGENT, Instant.EPOCH, agentId)));
    }

    @Override
    public EnqueueOutcome enqueue(WorkItem item, int maxSize) {
        return enqueueOutcome(run(Script.ENQUEUE, Instant.EPOCH, enqueueArguments(item, maxSize)));
    }

    @Override
    public Arrival enqueueAndAssign(WorkItem item, int maxSize, Instant now) {
        List<Object> reply = run(Script.ENQUEUE_ASSIGN, now, enqueueArguments(item, maxSize));
        return new Arrival(enqueueOutcome(reply), reply.size() > 3 ? assignment(reply.get(3)) : null);
    }

    private static String[] enqueueArguments(WorkItem item, int maxSize) {
        StringBuilder skills = new StringBuilder();
        for (SkillRequirement requirement : item.skills()) {
            if (skills.length() > 0) {
                skills.append(',');
            }
            skills.append(checkedSkill(requirement.skill())).append(':').append(requirement.minLevel());
        }
        return new String[] {item.id(), item.queueId(), Integer.toString(item.channel().ordinal()),
            Integer.toString(item.priority()), Long.toString(item.arrivedAt().toEpochMilli()),
            Long.toString(Math.max(1, item.serviceLevelTarget().toMillis())), item.language() == null ? "" : item.language(),
            skills.toString(), item.targetAgentId() == null ? "" : item.targetAgentId(), encode(item), Integer.toString(maxSize)};
    }

    private static EnqueueOutcome enqueueOutcome(List<Object> reply) {
        EnqueueOutcome.Status status = EnqueueOutcome.Status.valueOf((String) reply.get(0));
        return new EnqueueOutcome(status, liveItem(reply.get(1)), ((Long) reply.get(2)).intValue());
    }

    @Override
    public Optional<LiveItem> item(String itemId) {
        return Optional.ofNullable(liveItem(run(Script.GET_ITEM, Instant.EPOCH, itemId)));
    }

    @Override
    public List<LiveItem> waiting(String queueId, Instant arrivedAfter, Instant arrivedUpTo) {
        String after = arrivedAfter == null ? "-inf" : Long.toString(arrivedAfter.toEpochMilli());
        String upTo = arrivedUpTo == null || arrivedUpTo.equals(Instant.MAX) ? "+inf" : Long.toString(arrivedUpTo.toEpochMilli());
        return liveItems(run(Script.WAITING, Instant.EPOCH, queueId, after, upTo));
    }

    @Override
    public List<LiveItem> items() {
        return liveItems(run(Script.ITEMS, Instant.EPOCH));
    }

    @Override
    public Optional<Assignment> assignNext(AssignTrigger trigger, Instant now) {
        return Optional.ofNullable(assignment(run(Script.ASSIGN, now, trigger.kind().name(), trigger.id())));
    }

    @Override
    public Transition accept(String itemId, String agentId, Instant now) {
        return transition(run(Script.ACCEPT, now, itemId, agentId));
    }

    @Override
    public Transition returnOffer(String itemId, String agentId, boolean missed, Instant now) {
        return transition(run(Script.RETURN_OFFER, now, itemId, agentId, missed ? "1" : "0"));
    }

    @Override
    public Transition complete(String itemId, String agentId, Instant now) {
        return transition(run(Script.COMPLETE, now, itemId, agentId, Integer.toString(COMPLETIONS_KEPT)));
    }

    @Override
    public Transition endWrapUp(String itemId, String agentId, Instant now) {
        return transition(run(Script.END_WRAP_UP, now, itemId, agentId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Release completeAndRelease(String itemId, String agentId, Set<Channel> withoutWrapUp, Instant now) {
        StringBuilder channels = new StringBuilder(",");
        for (Channel channel : withoutWrapUp) {
            channels.append(channel.ordinal()).append(',');
        }
        List<Object> reply = run(Script.COMPLETE_RELEASE, now, itemId, agentId, Integer.toString(COMPLETIONS_KEPT), channels.toString());
        List<Object> ended = (List<Object>) reply.get(1);
        return new Release(transition((List<Object>) reply.get(0)), ended.isEmpty() ? null : transition(ended), assignment(reply.get(2)));
    }

    @Override
    public Optional<Transition> remove(String itemId, Instant now) {
        List<Object> reply = run(Script.REMOVE, now, itemId);
        return reply.isEmpty() ? Optional.empty() : Optional.of(transition(reply));
    }

    @Override
    public boolean heldByAnotherLiveNode(LiveItem item) {
        if (item.status() != ItemStatus.OFFERED && item.status() != ItemStatus.WRAP_UP && item.status() != ItemStatus.ACCEPTED) {
            return false;
        }
        String node = call(() -> commands().hget(prefix + "i:" + item.item().id(), "node"));
        if (node == null || node.isEmpty() || node.equals(nodeId)) {
            return false;
        }
        return call(() -> commands().exists(leasePrefix() + node)) > 0;
    }

    @Override
    public boolean isReachable() {
        return !closed && connection.isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        leases.close();
        connection.close();
        client.shutdown();
    }

    // ---- scripts ----

    /** The scripts, each the shared {@code common.lua} plus the libraries it needs plus its own file. */
    enum Script {
        PUT_QUEUE("put_queue"), PUT_AGENT("put_agent"), SET_PRESENCE("set_presence"), GET_AGENT("get_agent"),
        ENQUEUE("enqueue", "enqueue_lib"), GET_ITEM("get_item"), WAITING("waiting"), ITEMS("items"), ASSIGN("assign", "assign_lib"),
        ENQUEUE_ASSIGN("enqueue_assign", "assign_lib", "enqueue_lib"),
        ACCEPT("accept", "transitions"), RETURN_OFFER("return_offer", "transitions"), COMPLETE("complete", "transitions"),
        END_WRAP_UP("end_wrap_up", "transitions"), COMPLETE_RELEASE("complete_release", "transitions", "assign_lib"),
        REMOVE("remove"), SWEEP("sweep", "transitions"), SWEEP_WRAP_UPS("sweep_wrap_ups", "transitions"), ADOPT("adopt");

        private final String file;
        private final List<String> libraries;

        Script(String file, String... libraries) {
            this.file = file;
            this.libraries = List.of(libraries);
        }

        /** The full source sent to SCRIPT LOAD. */
        String source() {
            StringBuilder source = new StringBuilder(resource("common"));
            for (String library : libraries) {
                source.append(resource(library));
            }
            return source.append(resource(file)).toString();
        }

        private static String resource(String name) {
            String path = "/lua/" + name + ".lua";
            try (InputStream in = RedisLiveState.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("routing script " + path + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void load(Script script) {
        String source = script.source();
        shas.put(script, call(() -> commands().scriptLoad(source)));
    }

    private List<Object> run(Script script, Instant now, String... args) {
        if (closed) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "routing live state is closed");
        }
        String[] argv = new String[args.length + 3];
        argv[0] = prefix;
        argv[1] = nodeId;
        argv[2] = Long.toString(now.toEpochMilli());
        System.arraycopy(args, 0, argv, 3, args.length);
        try {
            return evalsha(script, argv);
        } catch (RedisNoScriptException e) {
            // Redis restarted or its script cache was flushed: load again once.
            load(script);
            return call(() -> evalsha(script, argv));
        } catch (RedisCommandExecutionException e) {
            throw refused(e);
        } catch (RedisException e) {
            throw unreachable(uri, e);
        }
    }

    private List<Object> evalsha(Script script, String[] argv) {
        List<Object> reply = commands().evalsha(shas.get(script), ScriptOutputType.MULTI, new String[0], argv);
        return reply == null ? List.of() : reply;
    }

    private <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            throw refused(e);
        } catch (RedisException e) {
            throw unreachable(uri, e);
        }
    }

    private RedisCommands<String, String> commands() {
        return connection.sync();
    }

    private String leasePrefix() {
        return prefix + "lease:" + NODE_LEASE;
    }

    /** A script's refusal ({@code CODE message}) as the exception the port promises. */
    private static VentanillaException refused(RedisCommandExecutionException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int space = message.indexOf(' ');
        if (space > 0) {
            String code = message.substring(0, space);
            for (ErrorCode candidate : ErrorCode.values()) {
                if (candidate.name().equals(code)) {
                    return new VentanillaException(candidate, message.substring(space + 1));
                }
            }
        }
        return new VentanillaException(ErrorCode.INTERNAL, "routing script failed: " + message, e);
    }

    private static VentanillaException unreachable(RedisURI uri, Throwable cause) {
        return new VentanillaException(ErrorCode.UNAVAILABLE,
                "routing live state: Redis at " + uri.getHost() + ":" + uri.getPort() + " is unreachable", cause);
    }

    // ---- encoding ----

    private static String checkedSkill(String skill) {
        for (char c : FORBIDDEN_IN_SKILL) {
            if (skill.indexOf(c) >= 0) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        "skill name '" + skill + "' may not contain , : or ; in the Redis live state");
            }
        }
        return skill;
    }

    private static String requirements(List<SkillRequirement> skills) {
        StringBuilder text = new StringBuilder();
        for (SkillRequirement requirement : skills) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(checkedSkill(requirement.skill())).append(':').append(requirement.minLevel());
        }
        return text.toString();
    }

    static String encode(WorkItem item) {
        JsonArray skills = new JsonArray();
        for (SkillRequirement requirement : item.skills()) {
            skills.add(new JsonArray().add(requirement.skill()).add(requirement.minLevel()));
        }
        return new JsonObject().put("id", item.id()).put("q", item.queueId()).put("ch", item.channel().name())
                .put("cat", item.category()).put("sk", skills).put("lang", item.language()).put("prio", item.priority())
                .put("arr", item.arrivedAt().toString()).put("slt", item.serviceLevelTarget().toString())
                .put("ta", item.targetAgentId()).encode();
    }

    static WorkItem decode(String data, String targetAgentId) {
        JsonObject json = new JsonObject(data);
        List<SkillRequirement> skills = new ArrayList<>();
        for (Object entry : json.getJsonArray("sk")) {
            JsonArray pair = (JsonArray) entry;
            skills.add(new SkillRequirement(pair.getString(0), pair.getInteger(1)));
        }
        return new WorkItem(json.getString("id"), json.getString("q"), Channel.valueOf(json.getString("ch")), json.getString("cat"),
                skills, json.getString("lang"), json.getInteger("prio"), Instant.parse(json.getString("arr")),
                Duration.parse(json.getString("slt")), targetAgentId == null || targetAgentId.isEmpty() ? null : targetAgentId);
    }

    @SuppressWarnings("unchecked")
    private static LiveItem liveItem(Object reply) {
        List<Object> fields = (List<Object>) reply;
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        String agentId = (String) fields.get(2);
        String offerId = (String) fields.get(3);
        return new LiveItem(decode((String) fields.get(4), (String) fields.get(5)), ItemStatus.valueOf((String) fields.get(1)),
                agentId.isEmpty() ? null : agentId, offerId.isEmpty() ? null : offerId);
    }

    /** An assignment as the scripts return it ({item, agent id, offer id, offered at ms}), or null for {}. */
    @SuppressWarnings("unchecked")
    private static Assignment assignment(Object reply) {
        List<Object> fields = (List<Object>) reply;
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        LiveItem live = liveItem(fields.get(0));
        return new Assignment(live.item(), (String) fields.get(1), (String) fields.get(2), Instant.ofEpochMilli((Long) fields.get(3)));
    }

    private static List<LiveItem> liveItems(List<Object> reply) {
        List<LiveItem> items = new ArrayList<>(reply.size());
        for (Object entry : reply) {
            items.add(liveItem(entry));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static AgentSnapshot snapshot(Object reply) {
        List<Object> fields = (List<Object>) reply;
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        String reason = (String) fields.get(2);
        EnumMap<Channel, Integer> load = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            int slots = ((Long) fields.get(5 + channel.ordinal())).intValue();
            if (slots > 0) {
                load.put(channel, slots);
            }
        }
        return new AgentSnapshot((String) fields.get(0), AgentState.valueOf((String) fields.get(1)), reason.isEmpty() ? null : reason,
                Instant.ofEpochMilli((Long) fields.get(3)), AgentState.valueOf((String) fields.get(4)),
                Collections.unmodifiableMap(load), ((Long) fields.get(9)).intValue(), Instant.ofEpochMilli((Long) fields.get(10)));
    }

    @SuppressWarnings("unchecked")
    private static Transition transition(List<Object> reply) {
        return new Transition(liveItem(reply.get(0)), snapshot(reply.get(1)));
    }
}
