package org.ventanilla.routing.verticle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentMetrics;
import org.ventanilla.routing.api.CaseView;
import org.ventanilla.routing.api.OfferReply;
import org.ventanilla.routing.api.QueueMetrics;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingIds;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.store.RoutingJson;
import org.ventanilla.routing.store.StoredRoutingEvents;

/**
 * The table of routing's event-bus operations: for each address of {@link RoutingAddresses} one handler from the JSON
 * request to the JSON reply ({@code null} for an empty reply). Handlers run the engine synchronously; the verticle
 * decides on which thread. Bad input surfaces as {@link VentanillaException} (INVALID_INPUT, NOT_FOUND, CONFLICT...).
 */
public final class RoutingOperations {

    /** The most history events one query answers. */
    public static final int MAX_HISTORY_EVENTS = 10_000;

    private final RoutingService service;
    private final RoutingEngine engine;
    private final Map<String, Function<JsonObject, Object>> handlers = new LinkedHashMap<>();

    public RoutingOperations(RoutingService service) {
        this.service = Objects.requireNonNull(service, "service");
        this.engine = service.engine();
        handlers.put(RoutingAddresses.ENQUEUE, json -> RoutingJson.toJson(service.enqueue(RoutingJson.enqueueRequest(json))));
        handlers.put(RoutingAddresses.OFFER_REPLY, this::offerReply);
        handlers.put(RoutingAddresses.COMPLETE, json -> {
            OfferReply r = RoutingJson.itemAndAgent(json);
            engine.complete(r.itemId(), r.agentId());
            return null;
        });
        handlers.put(RoutingAddresses.WRAP_UP_DONE, json -> {
            OfferReply r = RoutingJson.itemAndAgent(json);
            engine.endWrapUp(r.itemId(), r.agentId());
            return null;
        });
        handlers.put(RoutingAddresses.ABANDON, json -> {
            engine.abandon(RoutingIds.require("work item id", RoutingJson.string(json, "itemId")));
            return null;
        });
        handlers.put(RoutingAddresses.CANCEL, json -> {
            engine.cancel(RoutingIds.require("work item id", RoutingJson.string(json, "itemId")),
                    reason(RoutingJson.optionalString(json, "reason")));
            return null;
        });
        handlers.put(RoutingAddresses.TRANSFER, json -> {
            engine.transfer(RoutingJson.transferRequest(json));
            return null;
        });
        handlers.put(RoutingAddresses.AGENT_STATE, json -> {
            engine.setAgentState(RoutingJson.agentStateChange(json));
            return null;
        });
        handlers.put(RoutingAddresses.AGENT_PROFILE, json -> {
            service.defineAgent(RoutingJson.agentSpec(json));
            return null;
        });
        handlers.put(RoutingAddresses.AGENT_MEMBERSHIP, this::membership);
        handlers.put(RoutingAddresses.CASE_ADD, json -> {
            service.addCase(RoutingJson.caseRequest(json));
            return null;
        });
        handlers.put(RoutingAddresses.CASE_CLAIM, json -> {
            engine.claimCase(caseId(json), agentId(json));
            return null;
        });
        handlers.put(RoutingAddresses.CASE_ASSIGN, json -> {
            engine.assignCase(caseId(json), agentId(json));
            return null;
        });
        handlers.put(RoutingAddresses.CASE_CLOSE, json -> {
            engine.closeCase(caseId(json));
            return null;
        });
        handlers.put(RoutingAddresses.WORK_LIST, json -> {
            JsonArray list = new JsonArray();
            for (CaseView view : engine.workList(RoutingJson.string(json, "teamId"))) {
                list.add(RoutingJson.toJson(view));
            }
            return list;
        });
        handlers.put(RoutingAddresses.QUEUE_METRICS, this::queueMetrics);
        handlers.put(RoutingAddresses.AGENT_METRICS, this::agentMetrics);
        handlers.put(RoutingAddresses.ITEM, json -> {
            String itemId = RoutingIds.require("work item id", RoutingJson.string(json, "itemId"));
            return RoutingJson.toJson(engine.item(itemId).orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND,
                    "unknown work item '" + itemId + "' (never enqueued, or already finished)")));
        });
        handlers.put(RoutingAddresses.QUEUE_WAITING, json -> {
            JsonArray list = new JsonArray();
            for (WorkItemView view : engine.waiting(RoutingJson.string(json, "queueId"))) {
                list.add(RoutingJson.toJson(view));
            }
            return list;
        });
        handlers.put(RoutingAddresses.HISTORY, this::history);
    }

    /** Every address with a handler, in a stable order. */
    public Set<String> addresses() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    /** Whether the operation reads only (a query) and accepts an empty body. */
    public static boolean acceptsEmptyBody(String address) {
        return address.equals(RoutingAddresses.QUEUE_METRICS) || address.equals(RoutingAddresses.AGENT_METRICS);
    }

    /**
     * Runs the operation of {@code address} on {@code request}.
     *
     * @throws VentanillaException INVALID_INPUT for an unknown operation or a malformed request, and the engine's
     *                             refusals
     */
    public Object handle(String address, JsonObject request) {
        Function<JsonObject, Object> handler = handlers.get(address);
        if (handler == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "unknown routing operation '"
                    + RoutingAddresses.operationOf(address) + "' (known: " + operations() + ")");
        }
        return handler.apply(request);
    }

    /** The operation an {@link RoutingAddresses#REQUEST} message names in its {@code op} field, as an address. */
    public String addressOfRequest(JsonObject request) {
        String op = RoutingJson.string(request, "op");
        String address = RoutingAddresses.addressOf(op);
        if (!handlers.containsKey(address)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "unknown routing operation (known: " + operations() + ")");
        }
        return address;
    }

    private String operations() {
        return String.join(", ", handlers.keySet().stream().map(RoutingAddresses::operationOf).toList());
    }

    private Object offerReply(JsonObject json) {
        OfferReply reply = RoutingJson.offerReply(json);
        if (reply.accepted()) {
            engine.accept(reply.itemId(), reply.agentId());
        } else {
            engine.decline(reply.itemId(), reply.agentId());
        }
        return null;
    }

    private Object membership(JsonObject json) {
        String agentId = agentId(json);
        Set<String> queues = ids(json, "queues", "queue id");
        Set<String> teams = json.getValue("teams") == null ? null : ids(json, "teams", "team id");
        service.changeMembership(agentId, queues, teams);
        return null;
    }

    private Object queueMetrics(JsonObject json) {
        String queueId = RoutingJson.optionalString(json, "queueId");
        if (queueId != null) {
            QueueMetrics m = engine.metrics().queue(queueId)
                    .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "unknown queue '" + queueId + "'"));
            return RoutingJson.toJson(m);
        }
        JsonArray all = new JsonArray();
        for (QueueMetrics m : engine.metrics().queues()) {
            all.add(RoutingJson.toJson(m));
        }
        return all;
    }

    private Object agentMetrics(JsonObject json) {
        String agentId = RoutingJson.optionalString(json, "agentId");
        if (agentId != null) {
            AgentMetrics m = engine.metrics().agent(agentId)
                    .orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "unknown agent '" + agentId + "'"));
            return RoutingJson.toJson(m);
        }
        JsonArray all = new JsonArray();
        for (AgentMetrics m : engine.metrics().agents()) {
            all.add(RoutingJson.toJson(m));
        }
        return all;
    }

    private Object history(JsonObject json) {
        StoredRoutingEvents history = service.history().orElseThrow(() -> new VentanillaException(ErrorCode.UNAVAILABLE,
                "this node keeps no routing history"));
        String itemId = RoutingJson.optionalString(json, "itemId");
        String agentId = RoutingJson.optionalString(json, "agentId");
        List<RoutingEvent> events;
        if (itemId != null) {
            events = history.ofItem(RoutingIds.require("work item id", itemId));
        } else {
            Instant from = RoutingJson.instant(json, "from");
            Instant to = RoutingJson.instant(json, "to");
            events = agentId != null ? history.ofAgent(RoutingIds.require("agent id", agentId), from, to)
                    : history.between(from, to, MAX_HISTORY_EVENTS);
        }
        JsonArray list = new JsonArray();
        for (RoutingEvent event : events.subList(0, Math.min(events.size(), MAX_HISTORY_EVENTS))) {
            list.add(RoutingJson.toJson(event));
        }
        return list;
    }

    private static String caseId(JsonObject json) {
        return RoutingIds.require("case id", RoutingJson.string(json, "caseId"));
    }

    private static String agentId(JsonObject json) {
        return RoutingIds.require("agent id", RoutingJson.string(json, "agentId"));
    }

    private static Set<String> ids(JsonObject json, String field, String what) {
        Object value = json.getValue(field);
        if (!(value instanceof JsonArray array)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "field '" + field + "' must be a list of ids");
        }
        Set<String> result = new HashSet<>();
        for (Object id : array) {
            if (!(id instanceof String text)) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "field '" + field + "' must be a list of ids");
            }
            result.add(RoutingIds.require(what, text));
        }
        return result;
    }

    private static String reason(String reason) {
        if (reason != null && (reason.isBlank() || reason.length() > 80)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "cancel reason must be 1 to 80 characters");
        }
        return reason;
    }
}
