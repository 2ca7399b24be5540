package org.ventanilla.routing.verticle;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.store.RoutingJson;

/**
 * Turns intake's {@code interaction.received} event (published on {@link org.ventanilla.routing.api.RoutingAddresses#INTAKE_EVENTS})
 * into routing work: an immediate contact is enqueued in its category's queue with the interaction id as item id (so a
 * repeated event changes nothing), an emergency at the highest priority; a deferred contact's case goes to its owning
 * team's work list, due at the end of its due date in the entity's time zone.
 */
public final class IntakeEvents {

    /** Priority of an ordinary contact. */
    public static final int DEFAULT_PRIORITY = 5;

    private final RoutingService service;
    private final ZoneId zone;

    public IntakeEvents(RoutingService service, ZoneId zone) {
        this.service = Objects.requireNonNull(service, "service");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Routes one event. Answers {@code {interactionId, action: "enqueued", duplicate, status}} or
     * {@code {interactionId, action: "case", caseId, teamId}}.
     */
    public JsonObject receive(JsonObject event) {
        String interactionId = RoutingJson.string(event, "interactionId");
        String category = RoutingJson.string(event, "category");
        Instant receivedAt = RoutingJson.instant(event, "receivedAt");
        boolean deferred = flag(event, "deferred");
        if (deferred) {
            String caseId = RoutingJson.string(event, "caseNumber");
            String teamId = RoutingJson.string(event, "team");
            CaseRequest request = new CaseRequest(caseId, teamId, category, receivedAt, dueAt(RoutingJson.string(event, "dueDate")));
            service.addCase(request);
            return new JsonObject().put("interactionId", interactionId).put("action", "case").put("caseId", caseId)
                    .put("teamId", teamId);
        }
        String queueId = RoutingJson.string(event, "queue");
        int priority = flag(event, "emergency") ? EnqueueRequest.MAX_PRIORITY : DEFAULT_PRIORITY;
        EnqueueResult result = service.enqueue(new EnqueueRequest(interactionId, queueId, channel(event), category, List.of(),
                null, priority));
        return new JsonObject().put("interactionId", interactionId).put("action", "enqueued")
                .put("duplicate", result.duplicate()).put("status", result.status().name());
    }

    /** A date ({@code 2026-12-01}): the term ends when that day ends in the entity's zone; an instant is taken as is. */
    private Instant dueAt(String text) {
        try {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "field 'dueDate' must be a date such as 2026-12-01");
            }
        }
    }

    private static Channel channel(JsonObject event) {
        String code = RoutingJson.string(event, "channel");
        try {
            return Channel.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "field 'channel' must be one of voice, chat, email, open311");
        }
    }

    private static boolean flag(JsonObject event, String field) {
        Object value = event.getValue(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "field '" + field + "' must be true or false");
        }
        return flag;
    }
}
