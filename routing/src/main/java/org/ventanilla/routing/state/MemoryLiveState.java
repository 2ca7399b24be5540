package org.ventanilla.routing.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.Urgency;
import org.ventanilla.routing.model.WorkItem;

/**
 * The live state of one node, in memory. Thread-safe: every method holds this object's lock.
 *
 * <p>How it stays fast with many agents, queues and waiting items:
 * <ul>
 * <li>Each queue splits its waiting items into buckets of identical needs (channel, priority, language, skills,
 * target agent), each ordered by arrival. Within a bucket the oldest item is the most urgent and, relaxation growing
 * with waiting time, the most relaxed: when it does not suit an agent, no later item of the bucket does (apart from
 * agents an item excludes, skipped one by one).</li>
 * <li>A queue lists its buckets per channel and language, ordered by their head's urgency. Within one queue and
 * channel, {@code priority * target - arrival} orders items as their urgency does at any time, so the order never
 * has to be recomputed as time passes. An agent looking for work visits only the lists of its languages and stops at
 * the first bucket it may take from.</li>
 * <li>An item looking for an agent reads only the queue's agents with a free slot on its channel, kept in an index
 * per queue and channel that changes only when an agent's ability to take work on a channel changes.</li>
 * </ul>
 */
public final class MemoryLiveState implements LiveState {

    private static final Channel[] CHANNELS = Channel.values();
    /** The index key of items that accept any language. */
    private static final String ANY_LANGUAGE = "";

    private final Map<String, Queue> queues = new HashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, Entry> items = new HashMap<>();
    private long sequence;

    @Override
    public synchronized void putQueue(QueueSpec spec) {
        Queue queue = queues.get(spec.id());
        if (queue != null) {
            queue.spec = spec;
            return;
        }
        queue = new Queue(spec);
        queues.put(spec.id(), queue);
        for (Agent agent : agents.values()) {
            if (agent.spec.queues().contains(spec.id())) {
                join(agent, queue);
            }
        }
    }

    @Override
    public synchronized void putAgent(AgentSpec spec, Instant now) {
        Agent agent = agents.get(spec.id());
        if (agent == null) {
            agent = new Agent(spec, now);
            agents.put(spec.id(), agent);
        } else {
            for (Queue queue : agent.queues) {
                leave(agent, queue);
            }
            agent.queues.clear();
            agent.setSpec(spec);
        }
        for (String queueId : spec.queues()) {
            Queue queue = queues.get(queueId);
            if (queue != null) {
                join(agent, queue);
            }
        }
        refreshFree(agent);
    }

    @Override
    public synchronized AgentSnapshot setPresence(String agentId, AgentState state, String reason, Instant now) {
        Agent agent = agent(agentId, true);
        if (state == null || !state.declarable()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "agent state " + state
                    + " cannot be set directly; an agent declares AVAILABLE, AWAY or OFFLINE");
        }
        if (state == AgentState.OFFLINE && agent.accepted > 0) {
            throw new VentanillaException(ErrorCode.CONFLICT, "agent '" + agentId + "' still handles " + agent.accepted
                    + " work item(s); complete or transfer them before signing out");
        }
        if (state == AgentState.AVAILABLE) {
            agent.missed = 0;
            if (agent.declared != AgentState.AVAILABLE) {
                agent.idleSince = now;
            }
        }
        agent.declared = state;
        agent.reason = state == AgentState.AWAY ? reason : null;
        refreshFree(agent);
        refreshShown(agent, now);
        return agent.snapshot();
    }

    @Override
    public synchronized Optional<AgentSnapshot> agent(String agentId) {
        Agent agent = agents.get(agentId);
        return agent == null ? Optional.empty() : Optional.of(agent.snapshot());
    }

    @Override
    public synchronized EnqueueOutcome enqueue(WorkItem item, int maxSize) {
        Queue queue = queue(item.queueId());
        Entry existing = items.get(item.id());
        if (existing != null) {
            return new EnqueueOutcome(EnqueueOutcome.Status.DUPLICATE, existing.live(), queue.size);
        }
        if (queue.size >= maxSize) {
            return new EnqueueOutcome(EnqueueOutcome.Status.FULL, null, queue.size);
        }
        if (item.targetAgentId() != null) {
            agent(item.targetAgentId(), true);
        }
        Entry entry = new Entry(item, ++sequence);
        items.put(item.id(), entry);
        queue.size++;
        insert(entry);
        return new EnqueueOutcome(EnqueueOutcome.Status.ADDED, entry.live(), queue.size);
    }

    @Override
    public synchronized Optional<LiveItem> item(String itemId) {
        Entry entry = items.get(itemId);
        return entry == null ? Optional.empty() : Optional.of(entry.live());
    }

    @Override
    public synchronized List<LiveItem> waiting(String queueId, Instant arrivedAfter, Instant arrivedUpTo) {
        Queue queue = queue(queueId);
        List<Entry> found = new ArrayList<>();
        Entry upper = Entry.probe(arrivedUpTo, Long.MAX_VALUE);
        for (Bucket bucket : queue.buckets.values()) {
            NavigableSet<Entry> range = arrivedAfter == null
                    ? bucket.entries.headSet(upper, true)
                    : bucket.entries.subSet(Entry.probe(arrivedAfter, Long.MAX_VALUE), false, upper, true);
            found.addAll(range);
        }
        found.sort(Entry.ORDER);
        List<LiveItem> result = new ArrayList<>(found.size());
        for (Entry entry : found) {
            result.add(entry.live());
        }
        return result;
    }

    @Override
    public synchronized List<LiveItem> items() {
        List<Entry> all = new ArrayList<>(items.values());
        all.sort(Entry.ORDER);
        List<LiveItem> result = new ArrayList<>(all.size());
        for (Entry entry : all) {
            result.add(entry.live());
        }
        return result;
    }

    @Override
    public synchronized Optional<Assignment> assignNext(AssignTrigger trigger, Instant now) {
        long nowMillis = now.toEpochMilli();
        switch (trigger.kind()) {
            case ITEM: {
                Entry entry = items.get(trigger.id());
                if (entry == null || entry.status != ItemStatus.WAITING) {
                    return Optional.empty();
                }
                Agent agent = bestAgentFor(entry, nowMillis);
                return agent == null ? Optional.empty() : Optional.of(reserve(entry, agent, now));
            }
            case AGENT: {
                Agent agent = agent(trigger.id(), true);
                Entry entry = mostUrgentFor(agent, nowMillis);
                return entry == null ? Optional.empty() : Optional.of(reserve(entry, agent, now));
            }
            case QUEUE: {
                Queue queue = queue(trigger.id());
                for (Agent agent : queue.members) {
                    if (agent.freeMask != 0) {
                        Entry entry = mostUrgentFor(agent, nowMillis);
                        if (entry != null) {
                            return Optional.of(reserve(entry, agent, now));
                        }
                    }
                }
                return Optional.empty();
            }
            default:
                throw new IllegalArgumentException("unknown trigger " + trigger.kind());
        }
    }

    @Override
    public synchronized Transition accept(String itemId, String agentId, Instant now) {
        Entry entry = offered(itemId, agentId);
        Agent agent = entry.agent;
        entry.status = ItemStatus.ACCEPTED;
        entry.offerId = null;
        queueOf(entry).size--;
        agent.accepted++;
        agent.missed = 0;
        refreshShown(agent, now);
        return new Transition(entry.live(), agent.snapshot());
    }

    @Override
    public synchronized Transition returnOffer(String itemId, String agentId, boolean missed, Instant now) {
        Entry entry = offered(itemId, agentId);
        Agent agent = entry.agent;
        release(agent, entry.item.channel());
        if (missed) {
            agent.missed++;
        }
        entry.status = ItemStatus.WAITING;
        entry.agent = null;
        entry.offerId = null;
        if (entry.item.targetAgentId() != null) {
            entry.item = entry.item.forAgent(null);
        } else {
            if (entry.excluded == null) {
                entry.excluded = new HashSet<>(4);
            }
            entry.excluded.add(agentId);
        }
        insert(entry);
        refreshFree(agent);
        refreshShown(agent, now);
        return new Transition(entry.live(), agent.snapshot());
    }

    @Override
    public synchronized Transition complete(String itemId, String agentId, Instant now) {
        Entry entry = held(itemId, agentId, ItemStatus.ACCEPTED, "is not being handled (it is %s)");
        Agent agent = entry.agent;
        entry.status = ItemStatus.WRAP_UP;
        agent.accepted--;
        agent.wrapping++;
        refreshShown(agent, now);
        return new Transition(entry.live(), agent.snapshot());
    }

    @Override
    public synchronized Transition endWrapUp(String itemId, String agentId, Instant now) {
        Entry entry = held(itemId, agentId, ItemStatus.WRAP_UP, "is not in wrap-up (it is %s)");
        LiveItem before = entry.live();
        Agent agent = entry.agent;
        items.remove(itemId);
        agent.wrapping--;
        release(agent, entry.item.channel());
        agent.idleSince = now;
        refreshFree(agent);
        refreshShown(agent, now);
        return new Transition(before, agent.snapshot());
    }

    @Override
    public synchronized Optional<Transition> remove(String itemId, Instant now) {
        Entry entry = items.remove(itemId);
        if (entry == null) {
            return Optional.empty();
        }
        LiveItem before = entry.live();
        Agent agent = entry.agent;
        switch (entry.status) {
            case WAITING:
                unlink(entry);
                queueOf(entry).size--;
                break;
            case OFFERED:
                queueOf(entry).size--;
                release(agent, entry.item.channel());
                break;
            case ACCEPTED:
                agent.accepted--;
                release(agent, entry.item.channel());
                break;
            case WRAP_UP:
                agent.wrapping--;
                release(agent, entry.item.channel());
                break;
            default:
                throw new IllegalStateException("item in status " + entry.status);
        }
        if (agent == null) {
            return Optional.of(new Transition(before, null));
        }
        agent.idleSince = now;
        refreshFree(agent);
        refreshShown(agent, now);
        return Optional.of(new Transition(before, agent.snapshot()));
    }

    // ---- matching ----

    /** The best agent with a free slot for a waiting item, or null. */
    private Agent bestAgentFor(Entry entry, long nowMillis) {
        Channel channel = entry.item.channel();
        if (entry.item.targetAgentId() != null) {
            Agent target = agents.get(entry.item.targetAgentId());
            return target != null && target.canTake(channel) ? target : null;
        }
        Queue queue = queueOf(entry);
        long waited = nowMillis - entry.arrivalMillis;
        Agent best = null;
        int bestScore = -1;
        boolean skippedExcluded = false;
        for (Agent agent : queue.free.get(channel)) {
            int score = score(agent, entry, queue.spec, waited);
            if (score < 0) {
                continue;
            }
            if (entry.excludes(agent)) {
                skippedExcluded = true;
                continue;
            }
            if (better(agent, score, best, bestScore)) {
                best = agent;
                bestScore = score;
            }
        }
        if (best != null || !skippedExcluded || otherEligibleExists(entry, queue, waited)) {
            return best;
        }
        for (Agent agent : queue.free.get(channel)) {
            int score = score(agent, entry, queue.spec, waited);
            if (score >= 0 && better(agent, score, best, bestScore)) {
                best = agent;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean better(Agent agent, int score, Agent best, int bestScore) {
        if (best == null || score != bestScore) {
            return best == null || score > bestScore;
        }
        int idle = agent.idleSince.compareTo(best.idleSince);
        return idle < 0 || idle == 0 && agent.spec.id().compareTo(best.spec.id()) < 0;
    }

    /**
     * The most urgent waiting item an agent may take now, or null. Buckets are visited most urgent head first, and
     * the visit of a queue's channel stops at the first bucket whose head is less urgent than what was found there.
     */
    private Entry mostUrgentFor(Agent agent, long nowMillis) {
        if (agent.freeMask == 0) {
            return null;
        }
        Entry best = null;
        double bestUrgency = Double.NEGATIVE_INFINITY;
        for (Channel channel : CHANNELS) {
            if (!agent.canTake(channel)) {
                continue;
            }
            NavigableSet<Bucket> personal = agent.personal.get(channel);
            if (!personal.isEmpty()) {
                Entry head = personal.first().entries.first();
                double urgency = head.urgency(nowMillis);
                if (moreUrgent(head, urgency, best, bestUrgency)) {
                    best = head;
                    bestUrgency = urgency;
                }
            }
            for (Queue queue : agent.queues) {
                Map<String, NavigableSet<Bucket>> byLanguage = queue.active.get(channel);
                if (byLanguage.isEmpty()) {
                    continue;
                }
                Entry found = mostUrgentIn(byLanguage.get(ANY_LANGUAGE), agent, queue, nowMillis, null);
                for (String language : agent.spec.languages()) {
                    found = mostUrgentIn(byLanguage.get(language), agent, queue, nowMillis, found);
                }
                if (found != null) {
                    double urgency = found.urgency(nowMillis);
                    if (moreUrgent(found, urgency, best, bestUrgency)) {
                        best = found;
                        bestUrgency = urgency;
                    }
                }
            }
        }
        return best;
    }

    /** The most urgent item of one index the agent may take, if more urgent than {@code found}; else {@code found}. */
    private Entry mostUrgentIn(NavigableSet<Bucket> index, Agent agent, Queue queue, long nowMillis, Entry found) {
        if (index == null) {
            return found;
        }
        for (Bucket bucket : index) {
            if (found != null && Entry.URGENCY.compare(bucket.entries.first(), found) > 0) {
                break;
            }
            Entry candidate = firstEligible(bucket, agent, queue, nowMillis);
            if (candidate != null && (found == null || Entry.URGENCY.compare(candidate, found) < 0)) {
                found = candidate;
            }
        }
        return found;
    }

    private static boolean moreUrgent(Entry entry, double urgency, Entry best, double bestUrgency) {
        return best == null || urgency > bestUrgency || urgency == bestUrgency && Entry.ORDER.compare(entry, best) < 0;
    }

    /** The oldest item of a bucket the agent may take, or null; see the class comment for why the scan stops early. */
    private Entry firstEligible(Bucket bucket, Agent agent, Queue queue, long nowMillis) {
        for (Entry entry : bucket.entries) {
            long waited = nowMillis - entry.arrivalMillis;
            if (score(agent, entry, queue.spec, waited) < 0) {
                return null;
            }
            if (!entry.excludes(agent) || !otherEligibleExists(entry, queue, waited)) {
                return entry;
            }
        }
        return null;
    }

    /** Whether a present agent other than the ones the item excludes could take it (free or not). */
    private boolean otherEligibleExists(Entry entry, Queue queue, long waited) {
        Channel channel = entry.item.channel();
        for (Agent agent : queue.members) {
            if (agent.declared == AgentState.AVAILABLE && agent.capacity[channel.ordinal()] > 0 && !entry.excludes(agent)
                    && score(agent, entry, queue.spec, waited) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The agent's skill score for the item (sum of its levels in the queue's and the item's required skills, after
     * relaxation), or -1 when the agent is not eligible.
     */
    private static int score(Agent agent, Entry entry, QueueSpec queue, long waitedMillis) {
        WorkItem item = entry.item;
        if (item.language() != null && !agent.spec.languages().contains(item.language())) {
            return -1;
        }
        int fromQueue = score(agent, queue.skills(), queue, waitedMillis);
        if (fromQueue < 0) {
            return -1;
        }
        int fromItem = score(agent, item.skills(), queue, waitedMillis);
        return fromItem < 0 ? -1 : fromQueue + fromItem;
    }

    private static int score(Agent agent, List<SkillRequirement> skills, QueueSpec queue, long waitedMillis) {
        int score = 0;
        for (int i = 0; i < skills.size(); i++) {
            SkillRequirement requirement = skills.get(i);
            int needed = queue.relaxedLevel(requirement, waitedMillis);
            if (needed == 0) {
                continue;
            }
            int level = agent.spec.level(requirement.skill());
            if (level < needed) {
                return -1;
            }
            score += level;
        }
        return score;
    }

    private Assignment reserve(Entry entry, Agent agent, Instant now) {
        unlink(entry);
        entry.status = ItemStatus.OFFERED;
        entry.agent = agent;
        entry.offers++;
        entry.offerId = entry.item.id() + "#" + entry.offers;
        Channel channel = entry.item.channel();
        agent.load[channel.ordinal()]++;
        agent.total++;
        agent.idleSince = now;
        refreshFree(agent);
        return new Assignment(entry.item, agent.spec.id(), entry.offerId, now);
    }

    // ---- buckets and indexes ----

    private void insert(Entry entry) {
        Queue queue = queueOf(entry);
        BucketKey key = BucketKey.of(entry.item);
        Bucket bucket = queue.buckets.get(key);
        if (bucket == null) {
            bucket = new Bucket(queue, key);
            queue.buckets.put(key, bucket);
        }
        NavigableSet<Bucket> index = indexOf(bucket, true);
        boolean newHead = bucket.entries.isEmpty() || Entry.ORDER.compare(entry, bucket.entries.first()) < 0;
        if (newHead && !bucket.entries.isEmpty()) {
            index.remove(bucket);
        }
        bucket.entries.add(entry);
        entry.bucket = bucket;
        if (newHead) {
            index.add(bucket);
        }
    }

    private void unlink(Entry entry) {
        Bucket bucket = entry.bucket;
        NavigableSet<Bucket> index = indexOf(bucket, false);
        boolean wasHead = bucket.entries.first() == entry;
        if (wasHead) {
            index.remove(bucket);
        }
        bucket.entries.remove(entry);
        entry.bucket = null;
        if (bucket.entries.isEmpty()) {
            bucket.queue.buckets.remove(bucket.key);
            if (index.isEmpty() && bucket.key.targetAgentId() == null) {
                bucket.queue.active.get(bucket.key.channel()).remove(languageKey(bucket.key.language()));
            }
        } else if (wasHead) {
            index.add(bucket);
        }
    }

    /**
     * Where a bucket is listed by its head: its queue's index for its channel and language (so an agent never visits
     * work in languages it does not speak), or its target agent's for items sent to one agent.
     */
    private NavigableSet<Bucket> indexOf(Bucket bucket, boolean create) {
        if (bucket.key.targetAgentId() != null) {
            return agents.get(bucket.key.targetAgentId()).personal.get(bucket.key.channel());
        }
        Map<String, NavigableSet<Bucket>> byLanguage = bucket.queue.active.get(bucket.key.channel());
        String language = languageKey(bucket.key.language());
        NavigableSet<Bucket> index = byLanguage.get(language);
        if (index == null && create) {
            index = new TreeSet<>(Bucket.BY_HEAD);
            byLanguage.put(language, index);
        }
        return index;
    }

    private static String languageKey(String language) {
        return language == null ? ANY_LANGUAGE : language;
    }

    private void join(Agent agent, Queue queue) {
        agent.queues.add(queue);
        queue.members.add(agent);
        for (Channel channel : CHANNELS) {
            if ((agent.freeMask & bit(channel)) != 0) {
                queue.free.get(channel).add(agent);
            }
        }
    }

    private static void leave(Agent agent, Queue queue) {
        queue.members.remove(agent);
        for (Channel channel : CHANNELS) {
            queue.free.get(channel).remove(agent);
        }
    }

    private static void release(Agent agent, Channel channel) {
        agent.load[channel.ordinal()]--;
        agent.total--;
    }

    /** Keeps the per-queue index of free agents in step with what the agent can take. */
    private static void refreshFree(Agent agent) {
        int mask = 0;
        for (Channel channel : CHANNELS) {
            if (agent.canTake(channel)) {
                mask |= bit(channel);
            }
        }
        int changed = mask ^ agent.freeMask;
        if (changed == 0) {
            return;
        }
        agent.freeMask = mask;
        for (Channel channel : CHANNELS) {
            if ((changed & bit(channel)) == 0) {
                continue;
            }
            boolean free = (mask & bit(channel)) != 0;
            for (Queue queue : agent.queues) {
                if (free) {
                    queue.free.get(channel).add(agent);
                } else {
                    queue.free.get(channel).remove(agent);
                }
            }
        }
    }

    private static void refreshShown(Agent agent, Instant now) {
        AgentState shown;
        if (agent.declared == AgentState.OFFLINE) {
            shown = AgentState.OFFLINE;
        } else if (agent.accepted > 0) {
            shown = AgentState.BUSY;
        } else if (agent.wrapping > 0) {
            shown = AgentState.WRAP_UP;
        } else {
            shown = agent.declared;
        }
        String reason = shown == AgentState.AWAY ? agent.reason : null;
        if (shown != agent.shown || !Objects.equals(reason, agent.shownReason)) {
            agent.shown = shown;
            agent.shownReason = reason;
            agent.since = now;
        }
    }

    private static int bit(Channel channel) {
        return 1 << channel.ordinal();
    }

    // ---- lookups with clear failures ----

    private Queue queue(String queueId) {
        Queue queue = queues.get(queueId);
        if (queue == null) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "unknown queue '" + queueId + "'");
        }
        return queue;
    }

    private Queue queueOf(Entry entry) {
        return queue(entry.item.queueId());
    }

    private Agent agent(String agentId, boolean required) {
        Agent agent = agents.get(agentId);
        if (agent == null && required) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "unknown agent '" + agentId + "'");
        }
        return agent;
    }

    private Entry known(String itemId) {
        Entry entry = items.get(itemId);
        if (entry == null) {
            throw new VentanillaException(ErrorCode.NOT_FOUND,
                    "unknown work item '" + itemId + "' (never enqueued, or already finished)");
        }
        return entry;
    }

    private Entry offered(String itemId, String agentId) {
        agent(agentId, true);
        Entry entry = known(itemId);
        if (entry.status != ItemStatus.OFFERED) {
            throw new VentanillaException(ErrorCode.CONFLICT, "work item '" + itemId + "' has no pending offer (it is "
                    + entry.status + "); the offer expired or was already answered");
        }
        if (!entry.agent.spec.id().equals(agentId)) {
            throw new VentanillaException(ErrorCode.CONFLICT,
                    "work item '" + itemId + "' is offered to another agent, not to '" + agentId + "'");
        }
        return entry;
    }

    private Entry held(String itemId, String agentId, ItemStatus expected, String wrongStatus) {
        agent(agentId, true);
        Entry entry = known(itemId);
        if (entry.status != expected) {
            throw new VentanillaException(ErrorCode.CONFLICT,
                    "work item '" + itemId + "' " + String.format(wrongStatus, entry.status));
        }
        if (!entry.agent.spec.id().equals(agentId)) {
            throw new VentanillaException(ErrorCode.CONFLICT,
                    "work item '" + itemId + "' is held by another agent, not by '" + agentId + "'");
        }
        return entry;
    }

    // ---- the structures ----

    /** Items with identical needs share a bucket. */
    private record BucketKey(Channel channel, int priority, String language, List<SkillRequirement> skills, String targetAgentId) {

        static BucketKey of(WorkItem item) {
            return new BucketKey(item.channel(), item.priority(), item.language(), item.skills(), item.targetAgentId());
        }
    }

    private static final class Bucket {
        /** Buckets ordered by their head, most urgent first; a bucket is re-placed whenever its head changes. */
        static final Comparator<Bucket> BY_HEAD = (a, b) -> Entry.URGENCY.compare(a.entries.first(), b.entries.first());

        final Queue queue;
        final BucketKey key;
        final TreeSet<Entry> entries = new TreeSet<>(Entry.ORDER);

        Bucket(Queue queue, BucketKey key) {
            this.queue = queue;
            this.key = key;
        }
    }

    private static final class Queue {
        QueueSpec spec;
        final Map<BucketKey, Bucket> buckets = new HashMap<>();
        final EnumMap<Channel, Map<String, NavigableSet<Bucket>>> active = new EnumMap<>(Channel.class);
        final EnumMap<Channel, Set<Agent>> free = new EnumMap<>(Channel.class);
        final Set<Agent> members = new LinkedHashSet<>();
        int size;

        Queue(QueueSpec spec) {
            this.spec = spec;
            for (Channel channel : CHANNELS) {
                active.put(channel, new HashMap<>());
                free.put(channel, new LinkedHashSet<>());
            }
        }
    }

    private static final class Agent {
        AgentSpec spec;
        AgentState declared = AgentState.OFFLINE;
        String reason;
        AgentState shown = AgentState.OFFLINE;
        String shownReason;
        Instant since;
        Instant idleSince;
        final int[] load = new int[CHANNELS.length];
        int total;
        int accepted;
        int wrapping;
        int missed;
        int freeMask;
        final int[] capacity = new int[CHANNELS.length];
        final List<Queue> queues = new ArrayList<>();
        final EnumMap<Channel, NavigableSet<Bucket>> personal = new EnumMap<>(Channel.class);

        Agent(AgentSpec spec, Instant now) {
            setSpec(spec);
            this.since = now;
            this.idleSince = now;
            for (Channel channel : CHANNELS) {
                personal.put(channel, new TreeSet<>(Bucket.BY_HEAD));
            }
        }

        void setSpec(AgentSpec newSpec) {
            spec = newSpec;
            for (Channel channel : CHANNELS) {
                capacity[channel.ordinal()] = newSpec.capacity(channel);
            }
        }

        /** Available, a free slot on the channel, and voice exclusive both ways. */
        boolean canTake(Channel channel) {
            if (declared != AgentState.AVAILABLE || load[channel.ordinal()] >= capacity[channel.ordinal()]) {
                return false;
            }
            return channel == Channel.VOICE ? total == 0 : load[Channel.VOICE.ordinal()] == 0;
        }

        AgentSnapshot snapshot() {
            EnumMap<Channel, Integer> slots = new EnumMap<>(Channel.class);
            for (Channel channel : CHANNELS) {
                if (load[channel.ordinal()] > 0) {
                    slots.put(channel, load[channel.ordinal()]);
                }
            }
            return new AgentSnapshot(spec.id(), shown, shownReason, since, declared, Collections.unmodifiableMap(slots), missed,
                    idleSince);
        }
    }

    private static final class Entry {
        /** Arrival order, the order within a bucket. */
        static final Comparator<Entry> ORDER = (a, b) -> {
            int byArrival = a.arrival.compareTo(b.arrival);
            return byArrival != 0 ? byArrival : Long.compare(a.seq, b.seq);
        };
        /**
         * Most urgent first. priority * target - arrival orders items of one queue and channel as their urgency does,
         * at any time, since urgency * target = that key + now.
         */
        static final Comparator<Entry> URGENCY = (a, b) -> {
            int byKey = Long.compare(b.urgencyKey, a.urgencyKey);
            return byKey != 0 ? byKey : ORDER.compare(a, b);
        };

        WorkItem item;
        final Instant arrival;
        final long arrivalMillis;
        final long targetMillis;
        final long urgencyKey;
        final long seq;
        ItemStatus status = ItemStatus.WAITING;
        Agent agent;
        String offerId;
        int offers;
        Set<String> excluded;
        Bucket bucket;

        Entry(WorkItem item, long seq) {
            this.item = item;
            this.arrival = item.arrivedAt();
            this.arrivalMillis = arrival.toEpochMilli();
            this.targetMillis = Math.max(1, item.serviceLevelTarget().toMillis());
            this.urgencyKey = item.priority() * targetMillis - arrivalMillis;
            this.seq = seq;
        }

        private Entry(Instant arrival, long seq) {
            this.item = null;
            this.arrival = arrival;
            this.arrivalMillis = 0;
            this.targetMillis = 1;
            this.urgencyKey = 0;
            this.seq = seq;
        }

        static Entry probe(Instant arrival, long seq) {
            return new Entry(arrival, seq);
        }

        boolean excludes(Agent agent) {
            return excluded != null && excluded.contains(agent.spec.id());
        }

        double urgency(long nowMillis) {
            return Urgency.of(item.priority(), nowMillis - arrivalMillis, targetMillis);
        }

        LiveItem live() {
            return new LiveItem(item, status, agent == null ? null : agent.spec.id(), offerId);
        }
    }
}
