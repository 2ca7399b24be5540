package org.ventanilla.core.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.AuditEntry;
import org.ventanilla.core.domain.users.ChannelCapacity;
import org.ventanilla.core.domain.users.ConsentRecord;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;

/** JSON forms of users, agent profiles, consent records and audit entries (one mapping per type, both ways). */
final class StaffJson {

    private StaffJson() {
    }

    static String user(User u) {
        JsonArray roles = new JsonArray();
        u.roles().forEach(r -> roles.add(r.name()));
        return new JsonObject().put("id", u.id()).put("username", u.username()).put("displayName", u.displayName())
                .put("roles", roles).put("passwordHash", u.passwordHash()).put("team", u.team()).put("enabled", u.enabled())
                .encode();
    }

    static User user(String json) {
        JsonObject o = new JsonObject(json);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        o.getJsonArray("roles").forEach(r -> roles.add(Role.valueOf((String) r)));
        return new User(o.getString("id"), o.getString("username"), o.getString("displayName"), roles,
                o.getString("passwordHash"), o.getString("team"), o.getBoolean("enabled"));
    }

    static String profile(AgentProfile p) {
        ChannelCapacity c = p.capacity();
        return new JsonObject().put("userId", p.userId()).put("skills", new JsonObject(new LinkedHashMap<>(p.skills())))
                .put("languages", new JsonArray(new ArrayList<>(p.languages())))
                .put("queues", new JsonArray(new ArrayList<>(p.queues())))
                .put("capacity", new JsonObject().put("voice", c.voice()).put("chat", c.chat()).put("email", c.email())
                        .put("voiceExclusive", c.voiceExclusive()))
                .encode();
    }

    static AgentProfile profile(String json) {
        JsonObject o = new JsonObject(json);
        Map<String, Integer> skills = new LinkedHashMap<>();
        o.getJsonObject("skills").forEach(e -> skills.put(e.getKey(), ((Number) e.getValue()).intValue()));
        List<String> languages = new ArrayList<>();
        o.getJsonArray("languages").forEach(l -> languages.add((String) l));
        Set<String> queues = new LinkedHashSet<>();
        o.getJsonArray("queues").forEach(q -> queues.add((String) q));
        JsonObject c = o.getJsonObject("capacity");
        return new AgentProfile(o.getString("userId"), skills, languages, queues,
                new ChannelCapacity(c.getInteger("voice"), c.getInteger("chat"), c.getInteger("email"), c.getBoolean("voiceExclusive")));
    }

    static String consent(ConsentRecord r) {
        return new JsonObject().put("citizenId", r.citizenId()).put("noticeVersion", r.noticeVersion()).put("at", r.at().toString())
                .put("channel", r.channel()).put("evidence", r.evidence()).put("granted", r.granted()).encode();
    }

    static ConsentRecord consent(String json) {
        JsonObject o = new JsonObject(json);
        return new ConsentRecord(o.getString("citizenId"), o.getString("noticeVersion"), Instant.parse(o.getString("at")),
                o.getString("channel"), o.getString("evidence"), o.getBoolean("granted"));
    }

    static String audit(AuditEntry e) {
        return new JsonObject().put("staffUserId", e.staffUserId()).put("citizenId", e.citizenId()).put("at", e.at().toString())
                .put("purpose", e.purpose()).put("whatWasRead", e.whatWasRead()).encode();
    }

    static AuditEntry audit(String json) {
        JsonObject o = new JsonObject(json);
        return new AuditEntry(o.getString("staffUserId"), o.getString("citizenId"), Instant.parse(o.getString("at")),
                o.getString("purpose"), o.getString("whatWasRead"));
    }
}
