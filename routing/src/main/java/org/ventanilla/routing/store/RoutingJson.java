package org.ventanilla.routing.store;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentMetrics;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.CaseView;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.OfferReply;
import org.ventanilla.routing.api.QueueMetrics;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.api.TransferRequest;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.AgentSpec;

/**
 * Maps routing's message records to and from the JSON objects carried on the event bus and stored as history. Field
 * names are the record components; instants are ISO-8601 text, durations are milliseconds ({@code longestWaitMs}), enums their names
 * (channels and states also accepted in lower case). A missing field or a field of the wrong type fails with
 * INVALID_INPUT naming the field, never its value.
 */
public final class RoutingJson {

    private RoutingJson() {
    }

    // ---- bodies ----

    /** The body of a message as a JSON object: a JsonObject, or JSON text in a String or Buffer. */
    public static JsonObject body(Object body) {
        try {
            if (body instanceof JsonObject json) {
                return json;
            }
            if (body instanceof String text) {
                return new JsonObject(text);
            }
            if (body instanceof Buffer buffer) {
                return new JsonObject(buffer);
            }
        } catch (DecodeException | ClassCastException e) {
            throw invalid("message body is not a JSON object");
        }
        throw invalid("message body must be a JSON object, not " + (body == null ? "empty" : body.getClass().getSimpleName()));
    }

    // ---- requests ----

    public static EnqueueRequest enqueueRequest(JsonObject json) {
        List<SkillRequirement> skills = new ArrayList<>();
        JsonArray array = optionalArray(json, "skills");
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getValue(i) instanceof JsonObject skill)) {
                    throw invalid("field 'skills' must be a list of objects {skill, minLevel}");
                }
                skills.add(new SkillRequirement(string(skill, "skill"), integer(skill, "minLevel")));
            }
        }
        Integer priority = optionalInteger(json, "priority");
        return new EnqueueRequest(string(json, "itemId"), string(json, "queueId"), channel(json, "channel"),
                string(json, "category"), skills, optionalString(json, "language"), priority == null ? 0 : priority);
    }

    public static JsonObject toJson(EnqueueRequest request) {
        JsonArray skills = new JsonArray();
        for (SkillRequirement skill : request.skills()) {
            skills.add(new JsonObject().put("skill", skill.skill()).put("minLevel", skill.minLevel()));
        }
        return new JsonObject().put("itemId", request.itemId()).put("queueId", request.queueId())
                .put("channel", request.channel().name()).put("category", request.category()).put("skills", skills)
                .put("language", request.language()).put("priority", request.priority());
    }

    public static OfferReply offerReply(JsonObject json) {
        Boolean accepted = optionalBoolean(json, "accepted");
        if (accepted == null) {
            throw invalid("field 'accepted' is missing (true to accept, false to decline)");
        }
        return new OfferReply(string(json, "itemId"), string(json, "agentId"), accepted);
    }

    /** An item id and agent id, for complete and wrap-up end (the {@code accepted} field is not needed). */
    public static OfferReply itemAndAgent(JsonObject json) {
        return new OfferReply(string(json, "itemId"), string(json, "agentId"), true);
    }

    public static AgentStateChange agentStateChange(JsonObject json) {
        return new AgentStateChange(string(json, "agentId"), enumValue(json, "state", AgentState.class),
                optionalString(json, "reason"));
    }

    public static TransferRequest transferRequest(JsonObject json) {
        return new TransferRequest(string(json, "itemId"), optionalString(json, "queueId"), optionalString(json, "agentId"));
    }

    public static CaseRequest caseRequest(JsonObject json) {
        return new CaseRequest(string(json, "caseId"), string(json, "teamId"), string(json, "category"),
                instant(json, "receivedAt"), instant(json, "dueAt"));
    }

    public static JsonObject toJson(CaseRequest request) {
        return new JsonObject().put("caseId", request.caseId()).put("teamId", request.teamId())
                .put("category", request.category()).put("receivedAt", request.receivedAt().toString())
                .put("dueAt", request.dueAt().toString());
    }

    /** An agent profile: {@code {id, skills: {name: level}, languages[], queues[], teams[], capacity: {CHAT: 3}}}. */
    public static AgentSpec agentSpec(JsonObject json) {
        Map<String, Integer> skills = new HashMap<>();
        JsonObject skillJson = optionalObject(json, "skills");
        if (skillJson != null) {
            for (String name : skillJson.fieldNames()) {
                skills.put(name, integer(skillJson, name));
            }
        }
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        JsonObject capacityJson = optionalObject(json, "capacity");
        if (capacityJson != null) {
            for (String name : capacityJson.fieldNames()) {
                capacity.put(parseEnum("capacity channel", name, Channel.class), integer(capacityJson, name));
            }
        }
        return new AgentSpec(string(json, "id"), skills, strings(json, "languages"), strings(json, "queues"),
                strings(json, "teams"), capacity);
    }

    public static JsonObject toJson(AgentSpec agent) {
        JsonObject capacity = new JsonObject();
        agent.capacity().forEach((channel, slots) -> capacity.put(channel.name(), slots));
        return new JsonObject().put("id", agent.id()).put("skills", new JsonObject(new HashMap<>(agent.skills())))
                .put("languages", new JsonArray(new ArrayList<>(agent.languages())))
                .put("queues", new JsonArray(new ArrayList<>(agent.queues())))
                .put("teams", new JsonArray(new ArrayList<>(agent.teams()))).put("capacity", capacity);
    }

    // ---- answers and events ----

    public static JsonObject toJson(EnqueueResult result) {
        return new JsonObject().put("itemId", result.itemId()).put("duplicate", result.duplicate())
                .put("status", result.status().name());
    }

    public static EnqueueResult enqueueResult(JsonObject json) {
        return new EnqueueResult(string(json, "itemId"), Boolean.TRUE.equals(optionalBoolean(json, "duplicate")),
                enumValue(json, "status", ItemStatus.class));
    }

    public static JsonObject toJson(OfferEvent offer) {
        return new JsonObject().put("offerId", offer.offerId()).put("itemId", offer.itemId()).put("agentId", offer.agentId())
                .put("queueId", offer.queueId()).put("channel", offer.channel().name()).put("category", offer.category())
                .put("priority", offer.priority()).put("arrivedAt", offer.arrivedAt().toString())
                .put("offeredAt", offer.offeredAt().toString()).put("expiresAt", offer.expiresAt().toString());
    }

    public static OfferEvent offerEvent(JsonObject json) {
        return new OfferEvent(string(json, "offerId"), string(json, "itemId"), string(json, "agentId"), string(json, "queueId"),
                channel(json, "channel"), string(json, "category"), integer(json, "priority"), instant(json, "arrivedAt"),
                instant(json, "offeredAt"), instant(json, "expiresAt"));
    }

    public static JsonObject toJson(RoutingEvent event) {
        return new JsonObject().put("type", event.type().name()).put("at", event.at().toString())
                .put("queueId", event.queueId()).put("itemId", event.itemId()).put("agentId", event.agentId())
                .put("channel", event.channel() == null ? null : event.channel().name())
                .put("arrivedAt", event.arrivedAt() == null ? null : event.arrivedAt().toString())
                .put("agentState", event.agentState() == null ? null : event.agentState().name())
                .put("detail", event.detail());
    }

    public static RoutingEvent routingEvent(JsonObject json) {
        String channel = optionalString(json, "channel");
        String state = optionalString(json, "agentState");
        Instant arrivedAt = optionalString(json, "arrivedAt") == null ? null : instant(json, "arrivedAt");
        return new RoutingEvent(enumValue(json, "type", RoutingEventType.class), instant(json, "at"),
                optionalString(json, "queueId"), optionalString(json, "itemId"), optionalString(json, "agentId"),
                channel == null ? null : parseEnum("channel", channel, Channel.class), arrivedAt,
                state == null ? null : parseEnum("agentState", state, AgentState.class), optionalString(json, "detail"));
    }

    public static JsonObject toJson(QueueMetrics m) {
        return new JsonObject().put("queueId", m.queueId()).put("waiting", m.waiting())
                .put("longestWaitMs", m.longestWait().toMillis()).put("entered", m.entered()).put("answered", m.answered())
                .put("answeredWithinTarget", m.answeredWithinTarget()).put("abandoned", m.abandoned())
                .put("overflowed", m.overflowed()).put("serviceLevelPercent", m.serviceLevelPercent())
                .put("averageSpeedOfAnswerMs", m.averageSpeedOfAnswer().toMillis());
    }

    public static JsonObject toJson(AgentMetrics m) {
        return new JsonObject().put("agentId", m.agentId()).put("state", m.state().name()).put("reason", m.reason())
                .put("timeInStateMs", m.timeInState().toMillis()).put("answered", m.answered());
    }

    public static JsonObject toJson(WorkItemView v) {
        return new JsonObject().put("itemId", v.itemId()).put("queueId", v.queueId()).put("channel", v.channel().name())
                .put("category", v.category()).put("priority", v.priority()).put("arrivedAt", v.arrivedAt().toString())
                .put("status", v.status().name()).put("agentId", v.agentId());
    }

    public static JsonObject toJson(CaseView v) {
        return new JsonObject().put("caseId", v.caseId()).put("teamId", v.teamId()).put("category", v.category())
                .put("receivedAt", v.receivedAt().toString()).put("dueAt", v.dueAt().toString())
                .put("assigneeId", v.assigneeId()).put("warned", v.warned()).put("overdue", v.overdue());
    }

    /** A duration in milliseconds, for callers reading the {@code ...Ms} fields. */
    public static Duration millis(JsonObject json, String field) {
        return Duration.ofMillis(integer(json, field));
    }

    // ---- fields ----

    /** A required text field. */
    public static String string(JsonObject json, String field) {
        String value = optionalString(json, field);
        if (value == null) {
            throw invalid("field '" + field + "' is missing");
        }
        return value;
    }

    /** An optional text field: null when absent or null. */
    public static String optionalString(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid("field '" + field + "' must be text");
        }
        return text;
    }

    public static int integer(JsonObject json, String field) {
        Integer value = optionalInteger(json, field);
        if (value == null) {
            throw invalid("field '" + field + "' is missing");
        }
        return value;
    }

    private static Integer optionalInteger(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw invalid("field '" + field + "' must be a whole number");
        }
        return number.intValue();
    }

    private static Boolean optionalBoolean(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean flag)) {
            throw invalid("field '" + field + "' must be true or false");
        }
        return flag;
    }

    private static JsonArray optionalArray(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("field '" + field + "' must be a list");
        }
        return array;
    }

    private static JsonObject optionalObject(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid("field '" + field + "' must be an object");
        }
        return object;
    }

    private static Set<String> strings(JsonObject json, String field) {
        JsonArray array = optionalArray(json, field);
        Set<String> result = new HashSet<>();
        if (array != null) {
            for (Object value : array) {
                if (!(value instanceof String text)) {
                    throw invalid("field '" + field + "' must be a list of text");
                }
                result.add(text);
            }
        }
        return result;
    }

    public static Instant instant(JsonObject json, String field) {
        String text = string(json, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("field '" + field + "' must be an ISO-8601 instant such as 2025-03-04T14:00:00Z");
        }
    }

    private static Channel channel(JsonObject json, String field) {
        return enumValue(json, field, Channel.class);
    }

    private static <E extends Enum<E>> E enumValue(JsonObject json, String field, Class<E> type) {
        return parseEnum("field '" + field + "'", string(json, field), type);
    }

    private static <E extends Enum<E>> E parseEnum(String what, String text, Class<E> type) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        List<String> known = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            known.add(value.name());
        }
        throw invalid(what + " must be one of " + known);
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
