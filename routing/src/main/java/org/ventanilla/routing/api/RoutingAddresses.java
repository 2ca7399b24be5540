package org.ventanilla.routing.api;

import org.ventanilla.core.error.ErrorCode;

/**
 * Event-bus addresses and meter names of routing, in one place.
 *
 * <p>Requests are sent (point to point) with one of the records of this package as body and answered with the
 * result record, or an empty body when there is none. A refused request fails the reply with
 * {@link #failureCode(ErrorCode)} as failure code and the exception's message, so that the caller can map it back
 * with {@link #errorCode(int)}.
 */
public final class RoutingAddresses {

    private static final String PREFIX = "ventanilla.routing.";

    /** {@link EnqueueRequest} → {@link EnqueueResult}. */
    public static final String ENQUEUE = PREFIX + "enqueue";
    /** {@link OfferReply} → empty. */
    public static final String OFFER_REPLY = PREFIX + "offer.reply";
    /** A work item id and agent id ({@link OfferReply} with accepted=true) → empty: the agent completed it. */
    public static final String COMPLETE = PREFIX + "complete";
    /** A work item id and agent id → empty: the agent ends the wrap-up early. */
    public static final String WRAP_UP_DONE = PREFIX + "wrapup.done";
    /** A work item id → empty: the citizen left. */
    public static final String ABANDON = PREFIX + "abandon";
    /** {@link TransferRequest} → empty. */
    public static final String TRANSFER = PREFIX + "transfer";
    /** {@link AgentStateChange} → empty. */
    public static final String AGENT_STATE = PREFIX + "agent.state";
    /** {@link CaseRequest} → empty. */
    public static final String CASE_ADD = PREFIX + "case.add";
    /** A team id → list of {@link CaseView} ordered by due time. */
    public static final String WORK_LIST = PREFIX + "case.worklist";
    /** Published: every {@link RoutingEvent}. */
    public static final String EVENTS = PREFIX + "events";
    /** A queue id, or empty for all → {@link QueueMetrics}. */
    public static final String QUEUE_METRICS = PREFIX + "metrics.queue";

    /** {@code {itemId, reason?}} → empty: the system withdraws the item (not counted as abandoned). */
    public static final String CANCEL = PREFIX + "cancel";
    /** An agent profile (id, skills, languages, queues, teams, capacity) → empty: sign-in defines or refreshes it. */
    public static final String AGENT_PROFILE = PREFIX + "agent.profile";
    /** {@code {agentId, queues[], teams[]?}} → empty: replaces the agent's queue (and team) memberships. */
    public static final String AGENT_MEMBERSHIP = PREFIX + "agent.membership";
    /** {@code {caseId, agentId}} → empty: an agent of the owning team claims a case. */
    public static final String CASE_CLAIM = PREFIX + "case.claim";
    /** {@code {caseId, agentId}} → empty: a supervisor assigns a case. */
    public static final String CASE_ASSIGN = PREFIX + "case.assign";
    /** {@code {caseId}} → empty: the case leaves its work list. */
    public static final String CASE_CLOSE = PREFIX + "case.close";
    /** An agent id, or empty for all → {@link AgentMetrics}. */
    public static final String AGENT_METRICS = PREFIX + "metrics.agent";
    /** {@code {itemId}} → {@link WorkItemView}, NOT_FOUND when routing does not hold it. */
    public static final String ITEM = PREFIX + "item";
    /** {@code {queueId}} → the queue's unanswered {@link WorkItemView}s, oldest first. */
    public static final String QUEUE_WAITING = PREFIX + "queue.waiting";
    /** {@code {itemId} | {agentId} | {from, to}} → stored {@link RoutingEvent}s, oldest first (reports). */
    public static final String HISTORY = PREFIX + "history";
    /** Any request of this class with an {@code op} field naming the address suffix ({@code "enqueue"}). */
    public static final String REQUEST = PREFIX + "request";
    /**
     * Sent or published by the ops wiring: the JSON payload of intake's {@code interaction.received} outbox event.
     * Immediate work is enqueued (item id = interaction id), deferred work goes to the team's work list.
     */
    public static final String INTAKE_EVENTS = "ventanilla.intake.events";

    /** Gauge: items waiting, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_WAITING = "ventanilla.routing.queue.waiting";
    /** Gauge: longest wait in seconds, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_LONGEST_WAIT = "ventanilla.routing.queue.longest.wait";
    /** Gauge: service level in percent, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_SERVICE_LEVEL = "ventanilla.routing.queue.service.level";
    /** Gauge: average speed of answer in seconds, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_ASA = "ventanilla.routing.queue.speed.of.answer";
    /** Counter: items that entered, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_ENTERED = "ventanilla.routing.queue.entered";
    /** Counter: items answered, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_ANSWERED = "ventanilla.routing.queue.answered";
    /** Counter: items abandoned, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_ABANDONED = "ventanilla.routing.queue.abandoned";
    /** Counter: items overflowed, tag {@link #TAG_QUEUE}. */
    public static final String METER_QUEUE_OVERFLOWED = "ventanilla.routing.queue.overflowed";
    /** Gauge: number of agents in each state, tag {@link #TAG_STATE}. */
    public static final String METER_AGENTS = "ventanilla.routing.agents";
    /** Tag naming the queue. */
    public static final String TAG_QUEUE = "queue";
    /** Tag naming the agent state. */
    public static final String TAG_STATE = "state";

    private RoutingAddresses() {
    }

    /** The address an agent's offers are sent to. */
    public static String offersFor(String agentId) {
        return PREFIX + "offers." + RoutingIds.require("agent id", agentId);
    }

    /** The operation name of an address of this class ({@code enqueue} for {@link #ENQUEUE}), for {@link #REQUEST}. */
    public static String operationOf(String address) {
        return address.startsWith(PREFIX) ? address.substring(PREFIX.length()) : address;
    }

    /** The address of an operation name of {@link #operationOf}. */
    public static String addressOf(String operation) {
        return PREFIX + operation;
    }

    /** The failure code of an event-bus reply that failed with {@code code}. */
    public static int failureCode(ErrorCode code) {
        return code.httpStatus();
    }

    /** The error code behind a failure code of {@link #failureCode(ErrorCode)}; INTERNAL when unknown. */
    public static ErrorCode errorCode(int failureCode) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == failureCode) {
                return code;
            }
        }
        return ErrorCode.INTERNAL;
    }
}
