package org.ventanilla.routing.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.CaseView;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.RoutingIds;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.api.TransferRequest;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.OverflowAction;
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
 * The routing engine: queues immediate work, offers it to agents, keeps the timers and the back-office work lists,
 * and reports every step as a {@link RoutingEvent}. Plain Java, no Vert.x: the routing verticle calls it and
 * publishes what the {@link RoutingEventSink} receives.
 *
 * <p>Every public method is thread-safe (one lock) and reads the time from the injected clock. Timers (offer
 * timeouts, wrap-up ends, relaxation steps, maximum waits, case deadlines) fire when {@link #tick()} is called, which
 * the verticle does periodically (every 100 ms is plenty); a timer fires at the first tick at or after its time.
 *
 * <p>Opening hours: a voice or chat contact for a closed queue is refused with CONFLICT so that the channel can play
 * the out-of-hours message or offer a callback or a message; email and Open311 items are always queued and wait for
 * agents. Items already waiting when a queue closes stay and are served.
 */
public final class RoutingEngine {

    /** The away reason given to an agent after too many missed offers. */
    public static final String MISSED_OFFERS_REASON = "ofertas perdidas";

    private static final Logger LOG = LoggerFactory.getLogger(RoutingEngine.class);
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final Object lock = new Object();
    private final RoutingSettings settings;
    private final LiveState state;
    private final RoutingEventSink sink;
    private final Clock clock;
    private final Map<String, QueueSpec> queues = new HashMap<>();
    private final Map<String, AgentSpec> agents = new HashMap<>();
    private final Map<String, String> shownStates = new HashMap<>();
    /** The presence each agent last declared through this node, declared again if the live state lost it. */
    private final Map<String, AgentStateChange> declared = new HashMap<>();
    private final Map<String, PendingOffer> offers = new HashMap<>();
    private final Map<String, Set<String>> offersByAgent = new HashMap<>();
    private final Map<String, String> wrapUps = new HashMap<>();
    private final Map<String, Boolean> finished;
    private final Timers timers = new Timers();
    private final CaseBoard cases;
    private final LiveMetrics metrics;
    private Instant lastTick;
    /** The channels whose wrap-up is zero: completing frees the slot at once. */
    private final Set<Channel> withoutWrapUp;

    private RoutingEngine(RoutingSettings settings, LiveState state, RoutingEventSink sink, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.state = Objects.requireNonNull(state, "state");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new LiveMetrics(clock, this::queueSpec);
        this.cases = new CaseBoard(timers, settings.deadlineWarningShare(), this::emit);
        int remembered = settings.rememberFinished();
        this.finished = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
        this.lastTick = clock.instant();
        EnumSet<Channel> immediate = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (settings.wrapUp(channel).isZero()) {
                immediate.add(channel);
            }
        }
        this.withoutWrapUp = Collections.unmodifiableSet(immediate);
    }

    /** An engine over {@code state}, reporting to {@code sink}, reading the time from {@code clock}. */
    public static RoutingEngine create(RoutingSettings settings, LiveState state, RoutingEventSink sink, Clock clock) {
        return new RoutingEngine(settings, state, sink, clock);
    }

    // ---- configuration ----

    /** Defines or replaces a queue. An overflow target queue must be defined first. */
    public void defineQueue(QueueSpec queue) {
        synchronized (lock) {
            OverflowAction overflow = queue.overflow();
            if (overflow != null && overflow.kind() == OverflowAction.Kind.OTHER_QUEUE
                    && !queues.containsKey(overflow.targetQueueId())) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "overflow target queue '" + overflow.targetQueueId()
                        + "' of queue '" + queue.id() + "' is not defined; define it first");
            }
            state.putQueue(queue);
            queues.put(queue.id(), queue);
            metrics.queueDefined(queue.id());
        }
    }

    /** Defines or replaces an agent's profile; a new agent starts OFFLINE. */
    public void defineAgent(AgentSpec agent) {
        synchronized (lock) {
            Instant now = clock.instant();
            state.putAgent(agent, now);
            agents.put(agent.id(), agent);
            metrics.agentDefined(agent.id(), now);
            shownStates.putIfAbsent(agent.id(), AgentState.OFFLINE.name());
            fillAgent(agent.id(), now);
        }
    }

    // ---- live work ----

    /**
     * Queues a work item and offers it at once when an eligible agent has a free slot. Idempotent by item id.
     *
     * @throws VentanillaException NOT_FOUND for an unknown queue, CONFLICT when a voice or chat contact reaches a
     *                             closed queue, LIMIT_EXCEEDED when the queue is full
     */
    public EnqueueResult enqueue(EnqueueRequest request) {
        synchronized (lock) {
            Instant now = clock.instant();
            QueueSpec queue = queue(request.queueId());
            if (finished.containsKey(request.itemId())) {
                return new EnqueueResult(request.itemId(), true, ItemStatus.FINISHED);
            }
            if (isLive(request.channel()) && !queue.openHours().isOpen(now)) {
                // A repeated request for a contact queued before closing time is still answered as a duplicate.
                Optional<LiveItem> existing = state.item(request.itemId());
                if (existing.isPresent()) {
                    return new EnqueueResult(request.itemId(), true, existing.get().status());
                }
                emit(RoutingEvent.item(RoutingEventType.REJECTED, now, queue.id(), request.itemId(), null, request.channel(),
                        null, "closed"));
                throw new VentanillaException(ErrorCode.CONFLICT, "queue '" + queue.id() + "' is closed at " + now
                        + " and takes no " + request.channel() + " contacts out of hours");
            }
            WorkItem item = WorkItem.from(request, queue, now);
            // One step: the item is stored and, when an eligible agent has a free slot, offered (one script in Redis).
            Arrival arrival = state.enqueueAndAssign(item, queue.maxSize(), now);
            EnqueueOutcome outcome = arrival.outcome();
            switch (outcome.status()) {
                case DUPLICATE:
                    return new EnqueueResult(request.itemId(), true, outcome.item().status());
                case FULL:
                    emit(RoutingEvent.item(RoutingEventType.REJECTED, now, queue.id(), request.itemId(), null,
                            request.channel(), null, "full"));
                    throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                            "queue '" + queue.id() + "' is full (" + outcome.queued() + " of " + queue.maxSize() + ")");
                case ADDED:
                    emitItem(RoutingEventType.ENQUEUED, now, item, null, null);
                    arrival.offered().ifPresent(assignment -> offer(assignment, now));
                    return new EnqueueResult(item.id(), false, arrival.offered().isPresent() ? ItemStatus.OFFERED : ItemStatus.WAITING);
                default:
                    throw new IllegalStateException("unknown enqueue outcome " + outcome.status());
            }
        }
    }

    /**
     * The agent accepts the item offered to it: the agent becomes BUSY on that channel. An answer that comes at or
     * after the offer's expiry is refused (CONFLICT) even when no tick has processed the timeout yet.
     */
    public void accept(String itemId, String agentId) {
        synchronized (lock) {
            Instant now = clock.instant();
            agent(agentId);
            refuseExpired(itemId, agentId, now);
            Transition done = state.accept(itemId, agentId, now);
            forgetOffer(itemId);
            emitItem(RoutingEventType.ACCEPTED, now, done.item().item(), agentId, null);
            noteAgent(done.agent(), now);
        }
    }

    /**
     * The agent declines the item offered to it: the item goes back to its place and to another agent when one is
     * eligible.
     */
    public void decline(String itemId, String agentId) {
        synchronized (lock) {
            Instant now = clock.instant();
            agent(agentId);
            refuseExpired(itemId, agentId, now);
            Transition done = state.returnOffer(itemId, agentId, false, now);
            forgetOffer(itemId);
            emitItem(RoutingEventType.DECLINED, now, done.item().item(), agentId, null);
            noteAgent(done.agent(), now);
            routeItem(itemId, now);
            fillAgent(agentId, now);
        }
    }

    /** The agent finished handling the item: wrap-up starts (and ends at once when the channel has none). */
    public void complete(String itemId, String agentId) {
        synchronized (lock) {
            Instant now = clock.instant();
            agent(agentId);
            // One step for channels without wrap-up: complete, free the slot and make the agent's next offer.
            Release release = state.completeAndRelease(itemId, agentId, withoutWrapUp, now);
            Transition done = release.completed();
            WorkItem item = done.item().item();
            emitItem(RoutingEventType.COMPLETED, now, item, agentId, null);
            noteAgent(done.agent(), now);
            if (release.released().isPresent()) {
                wrapUpEnded(itemId, agentId, release.released().get(), now);
                if (release.nextOffer().isPresent()) {
                    offer(release.nextOffer().get(), now);
                    fillAgent(agentId, now);
                }
            } else {
                wrapUps.put(itemId, agentId);
                timers.schedule(Timers.Kind.WRAP_UP, itemId, now.plus(settings.wrapUp(item.channel())));
            }
        }
    }

    /** The agent ends the wrap-up of the item before its time: the slot is free again. */
    public void endWrapUp(String itemId, String agentId) {
        synchronized (lock) {
            Instant now = clock.instant();
            agent(agentId);
            finishWrapUp(itemId, agentId, now);
        }
    }

    /**
     * The citizen left before being answered (hung up, closed the chat): the item leaves its queue and counts as
     * abandoned.
     *
     * @throws VentanillaException NOT_FOUND for an unknown item, CONFLICT when an agent already handles it
     */
    public void abandon(String itemId) {
        synchronized (lock) {
            Instant now = clock.instant();
            LiveItem live = liveItem(itemId);
            if (live.status() == ItemStatus.ACCEPTED || live.status() == ItemStatus.WRAP_UP) {
                throw new VentanillaException(ErrorCode.CONFLICT, "work item '" + itemId + "' is already answered by agent '"
                        + live.agentId() + "' (" + live.status() + "); complete it instead of abandoning it");
            }
            removeItem(itemId, RoutingEventType.ABANDONED, null, now);
        }
    }

    /** Withdraws an item in any status (handled elsewhere, a duplicate contact); not counted as abandoned. */
    public void cancel(String itemId, String reason) {
        synchronized (lock) {
            Instant now = clock.instant();
            removeItem(itemId, RoutingEventType.CANCELLED, reason == null ? "cancelled" : reason, now);
        }
    }

    /**
     * Moves an item (waiting, offered or being handled) to another queue or to one agent. A waiting item keeps its
     * arrival time; an item an agent was handling arrives now. An item transferred to an agent waits for that agent
     * only, whatever its skills; if that agent declines or misses it, it goes back to its queue for everyone.
     *
     * @throws VentanillaException NOT_FOUND for an unknown item, queue or agent; CONFLICT for an item in wrap-up, a
     *                             transfer to where the item already is, a closed queue (voice, chat) or an agent
     *                             who takes nothing on the item's channel
     */
    public void transfer(TransferRequest request) {
        synchronized (lock) {
            Instant now = clock.instant();
            LiveItem live = liveItem(request.itemId());
            WorkItem item = live.item();
            if (live.status() == ItemStatus.WRAP_UP) {
                throw new VentanillaException(ErrorCode.CONFLICT,
                        "work item '" + item.id() + "' is already completed (in wrap-up) and cannot be transferred");
            }
            boolean waiting = live.status() == ItemStatus.WAITING || live.status() == ItemStatus.OFFERED;
            Instant arrival = waiting ? item.arrivedAt() : now;
            WorkItem moved;
            String detail;
            if (request.queueId() != null) {
                QueueSpec target = queue(request.queueId());
                if (waiting && target.id().equals(item.queueId()) && item.targetAgentId() == null) {
                    throw new VentanillaException(ErrorCode.CONFLICT,
                            "work item '" + item.id() + "' already waits in queue '" + target.id() + "'");
                }
                if (isLive(item.channel()) && !target.openHours().isOpen(now)) {
                    throw new VentanillaException(ErrorCode.CONFLICT, "queue '" + target.id() + "' is closed at " + now
                            + " and takes no " + item.channel() + " contacts out of hours");
                }
                moved = item.movedTo(target, arrival);
                detail = "queue:" + target.id();
            } else {
                AgentSpec target = agent(request.agentId());
                if (target.capacity(item.channel()) == 0) {
                    throw new VentanillaException(ErrorCode.CONFLICT,
                            "agent '" + target.id() + "' takes no " + item.channel() + " work (capacity 0)");
                }
                if (target.id().equals(live.agentId()) && live.status() == ItemStatus.ACCEPTED) {
                    throw new VentanillaException(ErrorCode.CONFLICT,
                            "work item '" + item.id() + "' is already handled by agent '" + target.id() + "'");
                }
                moved = new WorkItem(item.id(), item.queueId(), item.channel(), item.category(), item.skills(), item.language(),
                        item.priority(), arrival, item.serviceLevelTarget(), target.id());
                detail = "agent:" + target.id();
            }
            removeItem(item.id(), RoutingEventType.TRANSFERRED, detail, now);
            finished.remove(item.id());
            state.enqueue(moved, NO_LIMIT);
            emitItem(RoutingEventType.ENQUEUED, now, moved, null, "transfer");
            routeItem(moved.id(), now);
        }
    }

    /**
     * An agent declares AVAILABLE, AWAY (with a reason) or OFFLINE. Going away or offline returns the offers the
     * agent has not answered to their queues; signing out is refused while the agent handles accepted work.
     */
    public void setAgentState(AgentStateChange change) {
        synchronized (lock) {
            Instant now = clock.instant();
            agent(change.agentId());
            changePresence(change.agentId(), change.state(), change.reason(), now);
        }
    }

    /** Processes every timer due now: offer timeouts, wrap-up ends, relaxation steps, maximum waits, deadlines. */
    public void tick() {
        synchronized (lock) {
            Instant now = clock.instant();
            Timers.Key due;
            while ((due = timers.pollDue(now)) != null) {
                Timers.Key timer = due;
                guarded(() -> fire(timer, now), "timer " + timer.kind() + " of '" + timer.id() + "'");
            }
            for (QueueSpec queue : new ArrayList<>(queues.values())) {
                guarded(() -> {
                    relax(queue, now);
                    overflow(queue, now);
                }, "relaxation and overflow of queue '" + queue.id() + "'");
            }
            if (now.isAfter(lastTick)) {
                lastTick = now;
            }
        }
    }

    /**
     * Notes what a sweep of the shared live state did (it runs outside the engine): offers given back because their
     * node's lease lapsed or they went stale, and wrap-ups of lapsed nodes ended. Each is recorded as a routing event
     * (TIMED_OUT, WRAP_UP_ENDED) so that the history misses no transition; an offer this engine still awaited is
     * forgotten and its item is offered again here when one of this node's agents can take it.
     *
     * @param offersReturned item id to agent id, as {@code RedisLiveState.sweep} returns them
     * @param wrapUpsEnded   the items whose wrap-up was ended, as they were
     */
    public void recordSwept(Map<String, String> offersReturned, Collection<LiveItem> wrapUpsEnded) {
        synchronized (lock) {
            Instant now = clock.instant();
            for (Map.Entry<String, String> returned : offersReturned.entrySet()) {
                String itemId = returned.getKey();
                PendingOffer pending = offers.get(itemId);
                forgetOffer(itemId);
                Optional<LiveItem> live = state.item(itemId);
                if (live.isEmpty()) {
                    continue;
                }
                // The detail is the offer id when this engine made the offer (as for its own timeouts), else "swept".
                emitItem(RoutingEventType.TIMED_OUT, now, live.get().item(), returned.getValue(),
                        pending == null ? "swept" : pending.offerId());
                routeItem(itemId, now);
            }
            for (LiveItem ended : wrapUpsEnded) {
                wrapUps.remove(ended.item().id());
                timers.cancel(Timers.Kind.WRAP_UP, ended.item().id());
                remember(ended.item().id());
                emitItem(RoutingEventType.WRAP_UP_ENDED, now, ended.item(), ended.agentId(), "node lease lapsed");
            }
        }
    }

    /**
     * Offers waiting work to every agent defined on this node that has a free slot. With a live state shared by
     * several nodes, work queued by another node triggers nothing here; calling this now and then lets an idle agent
     * of this node pick it up. Agents the live state does not let this node serve are skipped.
     */
    public void pullWork() {
        synchronized (lock) {
            Instant now = clock.instant();
            for (String agentId : new ArrayList<>(agents.keySet())) {
                try {
                    fillAgent(agentId, now);
                } catch (VentanillaException e) {
                    if (e.code() == ErrorCode.UNAVAILABLE) {
                        throw e;
                    }
                }
            }
        }
    }

    // ---- back office ----

    /** Puts a deferred case on its team's work list; adding the same case again changes nothing. */
    public void addCase(CaseRequest request) {
        synchronized (lock) {
            cases.add(request, clock.instant());
        }
    }

    /** An agent of the owning team takes a case nobody holds. */
    public void claimCase(String caseId, String agentId) {
        synchronized (lock) {
            cases.claim(caseId, agent(agentId), clock.instant());
        }
    }

    /** A supervisor gives a case to an agent of the owning team. */
    public void assignCase(String caseId, String agentId) {
        synchronized (lock) {
            cases.assignTo(caseId, agent(agentId), clock.instant());
        }
    }

    /** The case leaves its work list. */
    public void closeCase(String caseId) {
        synchronized (lock) {
            cases.close(caseId, clock.instant());
        }
    }

    /** A team's deferred cases, earliest due first. */
    public List<CaseView> workList(String teamId) {
        synchronized (lock) {
            return cases.workList(RoutingIds.require("team id", teamId));
        }
    }

    // ---- queries ----

    /** The item, while routing holds it. */
    public Optional<WorkItemView> item(String itemId) {
        synchronized (lock) {
            return state.item(itemId).map(LiveItem::view);
        }
    }

    /** The items of a queue not yet answered (waiting or offered), oldest first. */
    public List<WorkItemView> waiting(String queueId) {
        synchronized (lock) {
            queue(queueId);
            List<LiveItem> found = new ArrayList<>(state.waiting(queueId, null, Instant.MAX));
            for (Map.Entry<String, PendingOffer> offer : offers.entrySet()) {
                if (offer.getValue().queueId().equals(queueId)) {
                    state.item(offer.getKey()).ifPresent(found::add);
                }
            }
            found.sort(Comparator.comparing((LiveItem live) -> live.item().arrivedAt()));
            List<WorkItemView> result = new ArrayList<>(found.size());
            for (LiveItem live : found) {
                result.add(live.view());
            }
            return result;
        }
    }

    /** The agent's live state. */
    public AgentSnapshot agentState(String agentId) {
        synchronized (lock) {
            agent(agentId);
            return state.agent(agentId).orElseThrow();
        }
    }

    /** Live metrics per queue and agent. */
    public RoutingMetrics metrics() {
        return metrics;
    }

    // ---- restart ----

    /**
     * The items to keep across a restart: every item not yet answered (waiting or offered), oldest first, as waiting
     * items with their arrival times.
     */
    public List<WorkItem> snapshot() {
        synchronized (lock) {
            List<WorkItem> result = new ArrayList<>();
            for (LiveItem live : state.items()) {
                if (live.status() == ItemStatus.WAITING || live.status() == ItemStatus.OFFERED) {
                    result.add(live.item());
                }
            }
            return result;
        }
    }

    /**
     * Rebuilds routing after a restart: offers left in flight in the live state go back to their queues, items in
     * wrap-up get their timer again, and {@code waitingItems} (from the database) are queued again with their arrival
     * times, without size or opening-hour checks; then every queue is matched against the available agents. Items
     * already held are left as they are.
     *
     * @throws VentanillaException NOT_FOUND when an item names an unknown queue (nothing is changed then)
     */
    public void restore(Collection<WorkItem> waitingItems) {
        synchronized (lock) {
            Instant now = clock.instant();
            for (WorkItem item : waitingItems) {
                queue(item.queueId());
            }
            redefine(now);
            offers.clear();
            offersByAgent.clear();
            for (LiveItem live : state.items()) {
                if (state.heldByAnotherLiveNode(live)) {
                    // A shared live state: the node that made this offer, or whose agent wraps up, is alive and keeps it.
                    continue;
                }
                if (live.status() == ItemStatus.OFFERED) {
                    timers.cancel(Timers.Kind.OFFER, live.item().id());
                    Transition removed = state.remove(live.item().id(), now).orElseThrow();
                    state.enqueue(live.item(), NO_LIMIT);
                    noteAgent(removed.agent(), now);
                } else if (live.status() == ItemStatus.WRAP_UP && !wrapUps.containsKey(live.item().id())) {
                    wrapUps.put(live.item().id(), live.agentId());
                    timers.schedule(Timers.Kind.WRAP_UP, live.item().id(), now.plus(settings.wrapUp(live.item().channel())));
                }
            }
            for (WorkItem item : waitingItems) {
                if (state.enqueue(item, NO_LIMIT).status() == EnqueueOutcome.Status.ADDED) {
                    finished.remove(item.id());
                    emitItem(RoutingEventType.RESTORED, now, item, null, null);
                }
            }
            for (String queueId : new ArrayList<>(queues.keySet())) {
                sweep(queueId, now);
            }
        }
    }

    // ---- the steps ----

    /**
     * Writes this node's queue and agent definitions to the live state again (they are idempotent) and declares again
     * the presence of the agents the live state lost entirely (a Redis that restarted empty).
     */
    private void redefine(Instant now) {
        queues.values().forEach(state::putQueue);
        for (AgentSpec agent : agents.values()) {
            boolean lost = state.agent(agent.id()).isEmpty();
            state.putAgent(agent, now);
            AgentStateChange presence = declared.get(agent.id());
            if (lost && presence != null && presence.state() != AgentState.OFFLINE) {
                LOG.info("agent '{}' was lost by the live state; declaring {} again", agent.id(), presence.state());
                noteAgent(state.setPresence(agent.id(), presence.state(), presence.reason(), now), now);
            }
        }
    }

    /**
     * Runs one step of a tick so that a refusal (the item changed on another node in between) does not keep the other
     * due steps from running; an unreachable live state still stops the tick.
     */
    private static void guarded(Runnable step, String what) {
        try {
            step.run();
        } catch (VentanillaException e) {
            if (e.code() == ErrorCode.UNAVAILABLE) {
                throw e;
            }
            LOG.warn("routing {} was skipped: {}", what, e.getMessage());
        }
    }

    private void routeItem(String itemId, Instant now) {
        state.assignNext(AssignTrigger.forItem(itemId), now).ifPresent(assignment -> offer(assignment, now));
    }

    /** Fills every free slot of the agent with the most urgent work it may take. */
    private void fillAgent(String agentId, Instant now) {
        Optional<Assignment> next;
        while ((next = state.assignNext(AssignTrigger.forAgent(agentId), now)).isPresent()) {
            offer(next.get(), now);
        }
    }

    private void sweep(String queueId, Instant now) {
        Optional<Assignment> next;
        while ((next = state.assignNext(AssignTrigger.forQueue(queueId), now)).isPresent()) {
            offer(next.get(), now);
        }
    }

    private void offer(Assignment assignment, Instant now) {
        WorkItem item = assignment.item();
        Instant expiresAt = now.plus(settings.offerTimeout(item.channel()));
        offers.put(item.id(), new PendingOffer(assignment.offerId(), assignment.agentId(), item.queueId(), expiresAt));
        offersByAgent.computeIfAbsent(assignment.agentId(), id -> new HashSet<>(4)).add(item.id());
        timers.schedule(Timers.Kind.OFFER, item.id(), expiresAt);
        emitItem(RoutingEventType.OFFERED, now, item, assignment.agentId(), assignment.offerId());
        OfferEvent event = new OfferEvent(assignment.offerId(), item.id(), assignment.agentId(), item.queueId(), item.channel(),
                item.category(), item.priority(), item.arrivedAt(), now, expiresAt);
        try {
            sink.offer(event);
        } catch (RuntimeException e) {
            LOG.error("routing event sink failed to take the offer of work item '{}'", item.id(), e);
        }
    }

    /** Processes an offer timeout that is due but not ticked yet, and refuses the late answer. */
    private void refuseExpired(String itemId, String agentId, Instant now) {
        PendingOffer pending = offers.get(itemId);
        if (pending != null && pending.agentId().equals(agentId) && !now.isBefore(pending.expiresAt())) {
            offerTimedOut(itemId, now);
            throw new VentanillaException(ErrorCode.CONFLICT, "the offer of work item '" + itemId + "' to agent '" + agentId
                    + "' expired at " + pending.expiresAt());
        }
    }

    private void forgetOffer(String itemId) {
        PendingOffer pending = offers.remove(itemId);
        if (pending != null) {
            timers.cancel(Timers.Kind.OFFER, itemId);
            Set<String> ofAgent = offersByAgent.get(pending.agentId());
            if (ofAgent != null) {
                ofAgent.remove(itemId);
                if (ofAgent.isEmpty()) {
                    offersByAgent.remove(pending.agentId());
                }
            }
        }
    }

    private void fire(Timers.Key due, Instant now) {
        switch (due.kind()) {
            case OFFER:
                offerTimedOut(due.id(), now);
                break;
            case WRAP_UP: {
                String agentId = wrapUps.get(due.id());
                if (agentId != null) {
                    finishWrapUp(due.id(), agentId, now);
                }
                break;
            }
            case CASE_WARNING:
            case CASE_OVERDUE:
                cases.fire(due.kind(), due.id(), now);
                break;
            default:
                throw new IllegalStateException("unknown timer " + due.kind());
        }
    }

    private void offerTimedOut(String itemId, Instant now) {
        PendingOffer pending = offers.get(itemId);
        if (pending == null) {
            return;
        }
        forgetOffer(itemId);
        Transition done;
        try {
            done = state.returnOffer(itemId, pending.agentId(), true, now);
        } catch (VentanillaException e) {
            if (e.code() == ErrorCode.UNAVAILABLE) {
                throw e;
            }
            // The offer is no longer ours to return: a node's sweep gave it back already (a lapsed lease, a stale
            // offer) or the item left. It waits at its place if it is still held; try to place it here.
            LOG.info("offer of work item '{}' to agent '{}' had already been given back: {}", itemId, pending.agentId(), e.getMessage());
            routeItem(itemId, now);
            return;
        }
        emitItem(RoutingEventType.TIMED_OUT, now, done.item().item(), pending.agentId(), pending.offerId());
        noteAgent(done.agent(), now);
        AgentSnapshot agent = done.agent();
        if (agent.declared() == AgentState.AVAILABLE && agent.missedOffers() >= settings.missedOffersBeforeAway()) {
            changePresence(agent.agentId(), AgentState.AWAY, MISSED_OFFERS_REASON, now);
        }
        routeItem(itemId, now);
        fillAgent(pending.agentId(), now);
    }

    private void finishWrapUp(String itemId, String agentId, Instant now) {
        wrapUpEnded(itemId, agentId, state.endWrapUp(itemId, agentId, now), now);
        fillAgent(agentId, now);
    }

    private void wrapUpEnded(String itemId, String agentId, Transition done, Instant now) {
        wrapUps.remove(itemId);
        timers.cancel(Timers.Kind.WRAP_UP, itemId);
        remember(itemId);
        emitItem(RoutingEventType.WRAP_UP_ENDED, now, done.item().item(), agentId, null);
        noteAgent(done.agent(), now);
    }

    private void changePresence(String agentId, AgentState target, String reason, Instant now) {
        List<String> returned = new ArrayList<>();
        if (target != AgentState.AVAILABLE) {
            AgentSnapshot current = state.agent(agentId).orElseThrow();
            if (target == AgentState.OFFLINE && current.state() == AgentState.BUSY) {
                throw new VentanillaException(ErrorCode.CONFLICT, "agent '" + agentId
                        + "' still handles accepted work; complete or transfer it before signing out");
            }
            for (String itemId : new ArrayList<>(offersByAgent.getOrDefault(agentId, Set.of()))) {
                forgetOffer(itemId);
                Transition done = state.returnOffer(itemId, agentId, false, now);
                emitItem(RoutingEventType.DECLINED, now, done.item().item(), agentId, target == AgentState.AWAY ? "away" : "offline");
                returned.add(itemId);
            }
        }
        AgentSnapshot after = state.setPresence(agentId, target, reason, now);
        declared.put(agentId, new AgentStateChange(agentId, target, reason));
        noteAgent(after, now);
        if (target == AgentState.AVAILABLE) {
            fillAgent(agentId, now);
            return;
        }
        for (String itemId : returned) {
            routeItem(itemId, now);
        }
        for (String queueId : agents.get(agentId).queues()) {
            if (queues.containsKey(queueId)) {
                sweep(queueId, now);
            }
        }
    }

    private void removeItem(String itemId, RoutingEventType type, String detail, Instant now) {
        forgetOffer(itemId);
        if (wrapUps.remove(itemId) != null) {
            timers.cancel(Timers.Kind.WRAP_UP, itemId);
        }
        Transition removed = state.remove(itemId, now).orElseThrow(() -> unknownItem(itemId));
        remember(itemId);
        LiveItem before = removed.item();
        emitItem(type, now, before.item(), before.agentId(), detail);
        if (removed.agent() != null) {
            noteAgent(removed.agent(), now);
            fillAgent(removed.agent().agentId(), now);
        }
    }

    private void relax(QueueSpec queue, Instant now) {
        for (RelaxationStep step : queue.relaxation()) {
            Instant from = lastTick.minus(step.after());
            Instant upTo = now.minus(step.after());
            if (!upTo.isAfter(from)) {
                continue;
            }
            for (LiveItem live : state.waiting(queue.id(), from, upTo)) {
                WorkItem item = live.item();
                if (item.targetAgentId() == null && (lowers(step, queue.skills()) || lowers(step, item.skills()))) {
                    emitItem(RoutingEventType.RELAXED, now, item, null, step.describe());
                    routeItem(item.id(), now);
                }
            }
        }
    }

    private static boolean lowers(RelaxationStep step, List<SkillRequirement> skills) {
        for (SkillRequirement requirement : skills) {
            if (step.lowers(requirement)) {
                return true;
            }
        }
        return false;
    }

    private void overflow(QueueSpec queue, Instant now) {
        if (queue.maxWait() == null) {
            return;
        }
        for (LiveItem live : state.waiting(queue.id(), null, now.minus(queue.maxWait()))) {
            WorkItem item = live.item();
            OverflowAction action = queue.overflow();
            state.remove(item.id(), now);
            emitItem(RoutingEventType.OVERFLOWED, now, item, null, action.describe());
            if (action.kind() == OverflowAction.Kind.OTHER_QUEUE) {
                QueueSpec target = queues.get(action.targetQueueId());
                WorkItem moved = item.movedTo(target, now);
                state.enqueue(moved, NO_LIMIT);
                emitItem(RoutingEventType.ENQUEUED, now, moved, null, "overflow:" + queue.id());
                routeItem(moved.id(), now);
            } else {
                remember(item.id());
            }
        }
    }

    // ---- events and agent states ----

    private void noteAgent(AgentSnapshot agent, Instant now) {
        if (agent == null) {
            return;
        }
        String shown = agent.reason() == null ? agent.state().name() : agent.state().name() + ":" + agent.reason();
        String before = shownStates.put(agent.agentId(), shown);
        if (!shown.equals(before)) {
            emit(RoutingEvent.stateChanged(now, agent.agentId(), agent.state(), agent.reason()));
        }
    }

    private void emitItem(RoutingEventType type, Instant now, WorkItem item, String agentId, String detail) {
        emit(RoutingEvent.item(type, now, item.queueId(), item.id(), agentId, item.channel(), item.arrivedAt(), detail));
    }

    private void emit(RoutingEvent event) {
        metrics.on(event);
        try {
            sink.record(event);
        } catch (RuntimeException e) {
            LOG.error("routing event sink failed to record a {} event", event.type(), e);
        }
    }

    private void remember(String itemId) {
        if (settings.rememberFinished() > 0) {
            finished.put(itemId, Boolean.TRUE);
        }
    }

    // ---- lookups ----

    /** For the metrics, which only call it from {@link #emit}, that is while this engine's lock is held. */
    private QueueSpec queueSpec(String queueId) {
        return queues.get(queueId);
    }

    private QueueSpec queue(String queueId) {
        QueueSpec queue = queues.get(queueId);
        if (queue == null) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "unknown queue '" + queueId + "'");
        }
        return queue;
    }

    private AgentSpec agent(String agentId) {
        AgentSpec agent = agents.get(agentId);
        if (agent == null) {
            throw new VentanillaException(ErrorCode.NOT_FOUND, "unknown agent '" + agentId + "'");
        }
        return agent;
    }

    private LiveItem liveItem(String itemId) {
        return state.item(itemId).orElseThrow(() -> unknownItem(itemId));
    }

    private static VentanillaException unknownItem(String itemId) {
        return new VentanillaException(ErrorCode.NOT_FOUND, "unknown work item '" + itemId + "' (never enqueued, or already finished)");
    }

    private static boolean isLive(Channel channel) {
        return channel == Channel.VOICE || channel == Channel.CHAT;
    }

    private record PendingOffer(String offerId, String agentId, String queueId, Instant expiresAt) {
    }
}
