package org.ventanilla.core.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.core.domain.calendar.LegalTerm;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.cases.CaseStatus;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.cases.StatusChange;
import org.ventanilla.core.domain.citizen.Citizen;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.CitizenIdentifier;
import org.ventanilla.core.domain.citizen.ContactKind;
import org.ventanilla.core.domain.citizen.ContactPoint;
import org.ventanilla.core.domain.citizen.IdentifierType;
import org.ventanilla.core.domain.citizen.IdentityStatus;
import org.ventanilla.core.domain.citizen.PhoneNumber;
import org.ventanilla.core.domain.citizen.SourceRecord;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.interaction.CallbackRequest;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.domain.interaction.InteractionId;

/** JSON forms of the domain records kept in the records port (one mapping per type, both ways). */
public final class DomainJson {

    private DomainJson() {
    }

    public static String interaction(Interaction i) {
        return new JsonObject()
                .put("id", i.id().value())
                .put("channel", i.channel().code())
                .put("direction", i.direction().name())
                .put("externalId", i.externalId())
                .put("receivedAt", i.receivedAt().toString())
                .put("citizenId", i.citizenId() == null ? null : i.citizenId().toString())
                .put("identityStatus", i.identityStatus() == null ? null : i.identityStatus().name())
                .put("category", i.categoryCode())
                .put("confidence", i.confidence())
                .put("deferred", i.deferred())
                .put("emergency", i.emergency())
                .put("caseNumber", i.caseNumber() == null ? null : i.caseNumber().value())
                .put("subject", i.subject())
                .put("text", i.text())
                .put("attachments", new JsonArray(new ArrayList<>(i.attachmentIds())))
                .put("contactPoints", contactPoints(i.contactPoints()))
                .encode();
    }

    private static JsonArray contactPoints(List<ContactPoint> points) {
        JsonArray contacts = new JsonArray();
        points.forEach(p -> contacts.add(new JsonObject().put("kind", p.kind().name()).put("value", p.value())));
        return contacts;
    }

    private static List<ContactPoint> contactPoints(JsonArray json) {
        List<ContactPoint> points = new ArrayList<>();
        if (json != null) {
            for (Object x : json) {
                JsonObject p = (JsonObject) x;
                points.add(ContactPoint.parse(ContactKind.valueOf(p.getString("kind")), p.getString("value")));
            }
        }
        return points;
    }

    public static Interaction interaction(String json) {
        JsonObject o = new JsonObject(json);
        String citizen = o.getString("citizenId");
        String status = o.getString("identityStatus");
        String number = o.getString("caseNumber");
        List<String> attachments = new ArrayList<>();
        o.getJsonArray("attachments", new JsonArray()).forEach(a -> attachments.add((String) a));
        return new Interaction(new InteractionId(o.getString("id")), Channel.parse(o.getString("channel")),
                Interaction.Direction.valueOf(o.getString("direction")), o.getString("externalId"),
                Instant.parse(o.getString("receivedAt")), citizen == null ? null : CitizenId.parse(citizen),
                status == null ? null : IdentityStatus.valueOf(status), o.getString("category"), o.getDouble("confidence"),
                o.getBoolean("deferred"), o.getBoolean("emergency"), number == null ? null : new CaseNumber(number),
                o.getString("subject"), o.getString("text"), attachments, contactPoints(o.getJsonArray("contactPoints")));
    }

    public static String callbackRequest(CallbackRequest c) {
        return new JsonObject()
                .put("interactionId", c.interactionId().value())
                .put("phone", c.phone().value())
                .put("category", c.categoryCode())
                .put("team", c.owningTeam())
                .put("queue", c.queue())
                .put("requestedAt", c.requestedAt().toString())
                .put("dueAt", c.dueAt().toString())
                .encode();
    }

    public static CallbackRequest callbackRequest(String json) {
        JsonObject o = new JsonObject(json);
        return new CallbackRequest(new InteractionId(o.getString("interactionId")), new PhoneNumber(o.getString("phone")),
                o.getString("category"), o.getString("team"), o.getString("queue"), Instant.parse(o.getString("requestedAt")),
                Instant.parse(o.getString("dueAt")));
    }

    public static String serviceCase(ServiceCase c) {
        JsonArray history = new JsonArray();
        for (StatusChange s : c.history()) {
            history.add(new JsonObject().put("status", s.status().name()).put("at", s.at().toString()).put("by", s.by())
                    .put("note", s.note()));
        }
        return new JsonObject()
                .put("number", c.number().value())
                .put("interactionId", c.interactionId().value())
                .put("category", c.categoryCode())
                .put("team", c.owningTeam())
                .put("term", c.term().name())
                .put("receivedAt", c.receivedAt().toString())
                .put("receiptDate", c.receiptDate().toString())
                .put("dueDate", c.dueDate().toString())
                .put("citizenId", c.citizenId() == null ? null : c.citizenId().toString())
                .put("history", history)
                .encode();
    }

    public static ServiceCase serviceCase(String json) {
        JsonObject o = new JsonObject(json);
        List<StatusChange> history = new ArrayList<>();
        for (Object h : o.getJsonArray("history")) {
            JsonObject s = (JsonObject) h;
            history.add(new StatusChange(CaseStatus.valueOf(s.getString("status")), Instant.parse(s.getString("at")),
                    s.getString("by"), s.getString("note")));
        }
        String citizen = o.getString("citizenId");
        return new ServiceCase(new CaseNumber(o.getString("number")), new InteractionId(o.getString("interactionId")),
                o.getString("category"), o.getString("team"), LegalTerm.valueOf(o.getString("term")),
                Instant.parse(o.getString("receivedAt")), LocalDate.parse(o.getString("receiptDate")),
                LocalDate.parse(o.getString("dueDate")), citizen == null ? null : CitizenId.parse(citizen), history);
    }

    public static String citizen(Citizen c) {
        JsonArray ids = new JsonArray();
        c.identifiers().forEach(i -> ids.add(new JsonObject().put("type", i.type().name()).put("value", i.value())));
        JsonArray contacts = new JsonArray();
        c.contactPoints().forEach(p -> contacts.add(new JsonObject().put("kind", p.kind().name()).put("value", p.value())));
        JsonArray sources = new JsonArray();
        for (SourceRecord s : c.sourceRecords()) {
            sources.add(new JsonObject().put("source", s.source()).put("observedAt", s.observedAt().toString())
                    .put("fields", new JsonObject(new LinkedHashMap<>(s.fields()))));
        }
        return new JsonObject().put("id", c.id().toString()).put("identifiers", ids).put("contactPoints", contacts)
                .put("sources", sources).encode();
    }

    public static Citizen citizen(String json, Survivorship rules) {
        JsonObject o = new JsonObject(json);
        List<CitizenIdentifier> ids = new ArrayList<>();
        for (Object x : o.getJsonArray("identifiers")) {
            JsonObject i = (JsonObject) x;
            ids.add(CitizenIdentifier.parse(IdentifierType.valueOf(i.getString("type")), i.getString("value")));
        }
        List<ContactPoint> contacts = new ArrayList<>();
        for (Object x : o.getJsonArray("contactPoints")) {
            JsonObject p = (JsonObject) x;
            contacts.add(ContactPoint.parse(ContactKind.valueOf(p.getString("kind")), p.getString("value")));
        }
        List<SourceRecord> sources = new ArrayList<>();
        for (Object x : o.getJsonArray("sources")) {
            JsonObject s = (JsonObject) x;
            Map<String, String> fields = new LinkedHashMap<>();
            s.getJsonObject("fields").forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
            sources.add(new SourceRecord(s.getString("source"), Instant.parse(s.getString("observedAt")), fields));
        }
        return Citizen.of(CitizenId.parse(o.getString("id")), ids, contacts, sources, rules);
    }
}
