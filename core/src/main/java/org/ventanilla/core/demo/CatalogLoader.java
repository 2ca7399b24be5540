package org.ventanilla.core.demo;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.vertx.core.json.JsonObject;

import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.catalog.OpeningHours;
import org.ventanilla.core.domain.catalog.QueueRouting;
import org.ventanilla.core.domain.catalog.ResolutionClass;
import org.ventanilla.core.domain.catalog.ServiceQueue;
import org.ventanilla.core.domain.catalog.Team;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Reads a service catalog from JSON (format {@code ventanilla-catalog/1}, see {@code demo/catalog.json}).
 * Lives outside the domain because it uses Vert.x's {@link JsonObject}; the domain gets plain records.
 *
 * <p>Opening hours are written per day or day range, English three-letter names:
 * {@code {"MON-FRI": ["07:00-12:00", "14:00-17:00"], "SAT": ["08:00-12:00"]}}; "24:00" ends at midnight. A queue may
 * also say how routing treats its contacts (see {@link #routing}); an unknown field of a queue is refused, so that a
 * misspelt {@code maxWaitSeconds} does not silently leave a queue without overflow.
 */
public final class CatalogLoader {

    /** The demo catalog on the classpath. */
    public static final String DEMO_RESOURCE = "demo/catalog.json";

    /** The format this loader reads. */
    public static final String FORMAT = "ventanilla-catalog/1";

    private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final List<String> QUEUE_FIELDS = List.of("code", "nameEs", "nameEn", "openingHours", "skills", "serviceLevels",
            "maxSize", "maxWaitSeconds", "relaxation", "overflow");

    private CatalogLoader() {
    }

    /** The demo catalog (Spanish, with English names) shipped in {@value #DEMO_RESOURCE}. */
    public static Catalog demo() {
        return fromClasspath(DEMO_RESOURCE);
    }

    /** Reads a catalog from a classpath resource. */
    public static Catalog fromClasspath(String resource) {
        return parse(DemoResources.readClasspath(resource), resource);
    }

    /**
     * Parses a catalog. Failures are {@link ErrorCode#INVALID_INPUT} naming {@code source}, the element and
     * the field.
     */
    public static Catalog parse(String json, String source) {
        JsonObject root = DemoResources.parse(json, source);
        String format = DemoResources.requiredString(root, "format", source);
        if (!FORMAT.equals(format)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    source + ": format '" + format + "' is not supported (expected '" + FORMAT + "')");
        }
        ZoneId zone = zone(DemoResources.requiredString(root, "timeZone", source), source);
        List<Team> teams = new ArrayList<>();
        for (JsonObject team : DemoResources.objects(root, "teams", source)) {
            String where = source + " team " + team.getValue("code");
            teams.add(new Team(DemoResources.requiredString(team, "code", where), DemoResources.string(team, "nameEs", where),
                    DemoResources.string(team, "nameEn", where)));
        }
        List<ServiceQueue> queues = new ArrayList<>();
        for (JsonObject queue : DemoResources.objects(root, "queues", source)) {
            String where = source + " queue " + queue.getValue("code");
            requireKnownFields(queue, QUEUE_FIELDS, where);
            queues.add(new ServiceQueue(DemoResources.requiredString(queue, "code", where), DemoResources.string(queue, "nameEs", where),
                    DemoResources.string(queue, "nameEn", where),
                    openingHours(zone, DemoResources.object(queue, "openingHours", where), where), routing(queue, where)));
        }
        List<Category> categories = new ArrayList<>();
        for (JsonObject category : DemoResources.objects(root, "categories", source)) {
            categories.add(category(category, source + " category " + category.getValue("code")));
        }
        return new Catalog(teams, queues, categories);
    }

    private static Category category(JsonObject json, String where) {
        String resolution = DemoResources.requiredString(json, "resolutionClass", where);
        ResolutionClass resolutionClass;
        try {
            resolutionClass = ResolutionClass.valueOf(resolution);
        } catch (IllegalArgumentException e) {
            throw DemoResources.invalid(where, "resolutionClass", "is '" + resolution + "'; allowed: IMMEDIATE, DEFERRED");
        }
        Map<String, Integer> skills = new LinkedHashMap<>();
        JsonObject skillsJson = DemoResources.object(json, "skills", where);
        for (String skill : skillsJson.fieldNames()) {
            skills.put(skill, DemoResources.integer(skillsJson, skill, where + " skills", 0));
        }
        return new Category(DemoResources.requiredString(json, "code", where), DemoResources.string(json, "nameEs", where),
                DemoResources.string(json, "nameEn", where), resolutionClass, DemoResources.string(json, "legalTerm", where),
                DemoResources.string(json, "team", where), skills, DemoResources.string(json, "queue", where),
                DemoResources.string(json, "open311Code", where), DemoResources.string(json, "ivrOption", where),
                DemoResources.strings(json, "answers", where), DemoResources.strings(json, "phrases", where));
    }

    /**
     * The routing fields of a queue, all optional: {@code skills} ({@code {"impuestos": 2}}), {@code serviceLevels}
     * ({@code {"voice": {"targetSeconds": 20, "percent": 80}}}), {@code maxSize}, {@code maxWaitSeconds},
     * {@code relaxation} ({@code [{"afterSeconds": 60, "skill": "impuestos", "level": 1}]}) and {@code overflow}
     * ({@code "callback"}, {@code "deferredCase"} or {@code {"otherQueue": "general"}}).
     */
    static QueueRouting routing(JsonObject queue, String where) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        JsonObject skillsJson = DemoResources.object(queue, "skills", where);
        for (String skill : skillsJson.fieldNames()) {
            skills.put(skill, DemoResources.integer(skillsJson, skill, where + " skills", 0));
        }
        Map<Channel, QueueRouting.ServiceLevelGoal> levels = new EnumMap<>(Channel.class);
        JsonObject levelsJson = DemoResources.object(queue, "serviceLevels", where);
        for (String channelCode : levelsJson.fieldNames()) {
            String field = "serviceLevels." + channelCode;
            Channel channel = guarded(where, field, () -> Channel.parse(channelCode));
            JsonObject goal = DemoResources.object(levelsJson, channelCode, where + " serviceLevels");
            requireKnownFields(goal, List.of("targetSeconds", "percent"), where + " " + field);
            Duration target = seconds(goal, "targetSeconds", where + " " + field, true);
            int percent = DemoResources.integer(goal, "percent", where + " " + field, 80);
            levels.put(channel, guarded(where, field, () -> new QueueRouting.ServiceLevelGoal(target, percent)));
        }
        int maxSize = DemoResources.integer(queue, "maxSize", where, QueueRouting.DEFAULT_MAX_SIZE);
        if (maxSize < 1 || maxSize > QueueRouting.MAX_SIZE_LIMIT) {
            throw DemoResources.invalid(where, "maxSize", "is " + maxSize + "; allowed 1 to " + QueueRouting.MAX_SIZE_LIMIT);
        }
        Duration maxWait = seconds(queue, "maxWaitSeconds", where, false);
        List<QueueRouting.Relaxation> steps = new ArrayList<>();
        List<JsonObject> stepsJson = DemoResources.objects(queue, "relaxation", where);
        for (int i = 0; i < stepsJson.size(); i++) {
            JsonObject step = stepsJson.get(i);
            String field = "relaxation[" + i + "]";
            requireKnownFields(step, List.of("afterSeconds", "skill", "level"), where + " " + field);
            Duration after = seconds(step, "afterSeconds", where + " " + field, true);
            String skill = DemoResources.requiredString(step, "skill", where + " " + field);
            int level = DemoResources.integer(step, "level", where + " " + field, 0);
            steps.add(guarded(where, field, () -> new QueueRouting.Relaxation(after, skill, level)));
        }
        QueueRouting.Overflow overflow = overflow(queue.getValue("overflow"), where);
        return guarded(where, null, () -> new QueueRouting(skills, levels, maxSize, maxWait, overflow, steps));
    }

    private static QueueRouting.Overflow overflow(Object value, String where) {
        String allowed = "\"callback\", \"deferredCase\" or {\"otherQueue\": \"<queue code>\"}";
        if (value == null) {
            return null;
        }
        if (value instanceof String action) {
            switch (action) {
                case "callback":
                    return QueueRouting.Overflow.callback();
                case "deferredCase":
                    return QueueRouting.Overflow.deferredCase();
                default:
                    throw DemoResources.invalid(where, "overflow", "is '" + action + "'; allowed: " + allowed);
            }
        }
        if (value instanceof JsonObject target && target.size() == 1 && target.getValue("otherQueue") instanceof String queue) {
            return guarded(where, "overflow.otherQueue", () -> QueueRouting.Overflow.toQueue(queue));
        }
        throw DemoResources.invalid(where, "overflow", "must be " + allowed);
    }

    /** A whole number of seconds within 1 s and {@link QueueRouting#LONGEST}, or null when absent and not required. */
    private static Duration seconds(JsonObject json, String field, String where, boolean required) {
        Object value = json.getValue(field);
        if (value == null) {
            if (required) {
                throw DemoResources.invalid(where, field, "is required");
            }
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw DemoResources.invalid(where, field, "must be a whole number of seconds");
        }
        long seconds = number.longValue();
        if (seconds < 1 || seconds > QueueRouting.LONGEST.toSeconds()) {
            throw DemoResources.invalid(where, field, "is " + seconds + "; allowed 1 to " + QueueRouting.LONGEST.toSeconds()
                    + " (7 days)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static void requireKnownFields(JsonObject json, List<String> known, String where) {
        for (String field : json.fieldNames()) {
            if (!known.contains(field)) {
                throw DemoResources.invalid(where, field, "is not a known field (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** Runs {@code build}; a refusal gets {@code where} and the field put in front of its message. */
    private static <T> T guarded(String where, String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (VentanillaException e) {
            throw new VentanillaException(e.code(), where + ": " + (field == null ? "" : "'" + field + "' ") + e.getMessage(), e);
        }
    }

    private static ZoneId zone(String id, String source) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw DemoResources.invalid(source, "timeZone", "is '" + id + "', not a time-zone id like America/Bogota");
        }
    }

    static OpeningHours openingHours(ZoneId zone, JsonObject json, String where) {
        Map<DayOfWeek, List<OpeningHours.Interval>> days = new EnumMap<>(DayOfWeek.class);
        for (String key : json.fieldNames()) {
            List<OpeningHours.Interval> intervals = new ArrayList<>();
            for (String interval : DemoResources.strings(json, key, where + " openingHours")) {
                intervals.add(OpeningHours.Interval.parse(interval));
            }
            for (DayOfWeek day : dayRange(key, where)) {
                if (days.containsKey(day)) {
                    throw DemoResources.invalid(where, "openingHours." + key, "names " + day + " a second time");
                }
                days.put(day, intervals);
            }
        }
        return new OpeningHours(zone, days);
    }

    private static List<DayOfWeek> dayRange(String key, String where) {
        String[] ends = key.toUpperCase(Locale.ROOT).split("-");
        int first = DAY_NAMES.indexOf(ends[0].strip());
        int last = ends.length == 2 ? DAY_NAMES.indexOf(ends[1].strip()) : first;
        if (ends.length > 2 || first < 0 || last < first) {
            throw DemoResources.invalid(where, "openingHours." + key, "is not a day or a day range like MON-FRI");
        }
        List<DayOfWeek> range = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            range.add(DayOfWeek.of(i + 1));
        }
        return range;
    }
}
