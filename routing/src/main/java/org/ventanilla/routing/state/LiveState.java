package org.ventanilla.routing.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.WorkItem;

/**
 * The live routing state: waiting items per queue, agents' presence and load per channel, and offers in flight.
 * It lives in memory on one node and in Redis when several nodes share it.
 *
 * <p>Every method is one atomic step (a Redis adapter implements each as one Lua script) and takes "now" as an
 * argument instead of reading a clock. {@link #assignNext} both chooses and reserves, so an item is never given to
 * two agents. Timers, events, metrics and back-office work lists are not kept here; the engine owns them.
 *
 * <p>Refused changes throw {@code VentanillaException}: NOT_FOUND for an unknown item, agent or queue, CONFLICT for
 * a change the item's or agent's current state does not allow.
 */
public interface LiveState {

    /** Defines or replaces a queue. Its relaxation steps and service levels are used when assigning. */
    void putQueue(QueueSpec queue);

    /** Defines or replaces an agent's profile, keeping its live state; a new agent starts OFFLINE at {@code now}. */
    void putAgent(AgentSpec agent, Instant now);

    /**
     * Sets the state an agent declares: AVAILABLE (which also clears the missed-offer count), AWAY with a reason, or
     * OFFLINE (refused while the agent holds accepted work). Offers in flight are not touched.
     */
    AgentSnapshot setPresence(String agentId, AgentState state, String reason, Instant now);

    /** The agent's live state. */
    Optional<AgentSnapshot> agent(String agentId);

    /**
     * Adds a waiting item to its queue at its place by arrival time, unless an item with its id is already held
     * (DUPLICATE) or the queue already holds {@code maxSize} items (FULL).
     */
    EnqueueOutcome enqueue(WorkItem item, int maxSize);

    /**
     * {@link #enqueue} and, when the item was added, {@link #assignNext} for it ({@link AssignTrigger#forItem}), as one
     * step where the store allows it (one script in Redis): an arriving contact costs one round trip.
     */
    default Arrival enqueueAndAssign(WorkItem item, int maxSize, Instant now) {
        EnqueueOutcome outcome = enqueue(item, maxSize);
        if (outcome.status() != EnqueueOutcome.Status.ADDED) {
            return new Arrival(outcome, null);
        }
        return new Arrival(outcome, assignNext(AssignTrigger.forItem(item.id()), now).orElse(null));
    }

    /** The item, while routing holds it. */
    Optional<LiveItem> item(String itemId);

    /**
     * Waiting items (not offered ones) of a queue that arrived after {@code arrivedAfter} (exclusive; {@code null} for
     * no lower bound) and up to {@code arrivedUpTo} (inclusive), oldest first.
     */
    List<LiveItem> waiting(String queueId, Instant arrivedAfter, Instant arrivedUpTo);

    /** Every item held, in any status. */
    List<LiveItem> items();

    /**
     * Chooses and reserves in one step: the most urgent waiting item for the eligible agent with a free slot on its
     * channel, best skill level first, longest idle next. An agent who missed or declined an item is not chosen for it
     * while another eligible present agent exists.
     */
    Optional<Assignment> assignNext(AssignTrigger trigger, Instant now);

    /** The agent accepts the offer of the item. */
    Transition accept(String itemId, String agentId, Instant now);

    /**
     * The offer goes back: the item returns to its place in the queue (same arrival time) and the agent is noted so
     * it is not offered the item again while another eligible agent exists. {@code missed} counts a timed-out offer.
     * An item transferred to this agent goes back to its queue for everyone.
     */
    Transition returnOffer(String itemId, String agentId, boolean missed, Instant now);

    /** The agent finished handling the item and enters wrap-up, still holding the slot. */
    Transition complete(String itemId, String agentId, Instant now);

    /** The wrap-up of the item ends: the item leaves and the slot is free. */
    Transition endWrapUp(String itemId, String agentId, Instant now);

    /**
     * {@link #complete} and, when the item's channel is one of {@code withoutWrapUp}, {@link #endWrapUp} and one
     * {@link #assignNext} for the freed agent ({@link AssignTrigger#forAgent}), as one step where the store allows it
     * (one script in Redis). When the complete is refused nothing changes.
     */
    default Release completeAndRelease(String itemId, String agentId, Set<Channel> withoutWrapUp, Instant now) {
        Transition completed = complete(itemId, agentId, now);
        if (!withoutWrapUp.contains(completed.item().item().channel())) {
            return new Release(completed, null, null);
        }
        Transition ended = endWrapUp(itemId, agentId, now);
        return new Release(completed, ended, assignNext(AssignTrigger.forAgent(agentId), now).orElse(null));
    }

    /** Removes the item in whatever status, freeing any slot it held; empty when the item is not held. */
    Optional<Transition> remove(String itemId, Instant now);

    /**
     * Whether another node that is alive holds this item's offer or wrap-up (a shared live state): a restoring node
     * leaves such items alone. Always false for a live state of one node.
     */
    default boolean heldByAnotherLiveNode(LiveItem item) {
        return false;
    }

    /** False while the backing store cannot be reached (readiness); an in-memory state is always reachable. */
    default boolean isReachable() {
        return true;
    }
}
