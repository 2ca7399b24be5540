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
