package org.ventanilla.core.domain.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The service catalog: teams, queues with their opening hours, and service categories, checked as a whole
 * when built. Immutable and safe to share between threads.
 *
 * <p>Rules checked: codes unique (teams, queues, categories, Open311 service codes, IVR options, approved
 * answer ids), every category names a known team and queue, no training phrase is given to two categories,
 * and the {@linkplain #GENERAL_CODE general} category exists: contacts the classifier is unsure of go
 * there and a person reviews them. A queue that overflows into another names a known queue, and no chain of
 * overflows comes back to where it started.
 */
public final class Catalog {

    /** Code of the general category, reviewed by a person. */
    public static final String GENERAL_CODE = "general";

    private final Map<String, Team> teams;
    private final Map<String, ServiceQueue> queues;
    private final Map<String, Category> categories;
    private final Map<String, Category> byOpen311Code;
    private final Map<String, Category> byIvrOption;

    /** Builds and checks a catalog; a broken rule fails with {@link ErrorCode#INVALID_INPUT}. */
    public Catalog(List<Team> teams, List<ServiceQueue> queues, List<Category> categories) {
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(categories, "categories");
        this.teams = index(teams, Team::code, "team");
        this.queues = index(queues, ServiceQueue::code, "queue");
        this.categories = index(categories, Category::code, "category");
        checkOverflowTargets();
        Map<String, Category> open311 = new LinkedHashMap<>();
        Map<String, Category> ivr = new LinkedHashMap<>();
        Map<String, String> answerOwner = new HashMap<>();
        Map<String, String> phraseOwner = new HashMap<>();
        for (Category category : categories) {
            if (!this.teams.containsKey(category.owningTeam())) {
                throw Checks.invalid("category '" + category.code() + "' names unknown team '" + category.owningTeam() + "'");
            }
            if (!this.queues.containsKey(category.queue())) {
                throw Checks.invalid("category '" + category.code() + "' names unknown queue '" + category.queue() + "'");
            }
            putUnique(open311, category.open311ServiceCode(), category, "Open311 service code");
            putUnique(ivr, category.ivrOption(), category, "IVR option");
            for (String answerId : category.approvedAnswerIds()) {
                String owner = answerOwner.putIfAbsent(answerId, category.code());
                if (owner != null) {
                    throw Checks.invalid("approved answer '" + answerId + "' is listed by categories '" + owner + "' and '"
                            + category.code() + "'");
                }
            }
            for (String phrase : category.trainingPhrases()) {
                String key = phrase.strip().toLowerCase(Locale.ROOT);
                String owner = phraseOwner.putIfAbsent(key, category.code());
                if (owner != null && !owner.equals(category.code())) {
                    throw Checks.invalid("training phrase '" + phrase + "' is given to categories '" + owner + "' and '"
                            + category.code() + "'");
                }
            }
        }
        if (!this.categories.containsKey(GENERAL_CODE)) {
            throw Checks.invalid("the catalog has no '" + GENERAL_CODE + "' category for contacts that a person reviews");
        }
        this.byOpen311Code = Collections.unmodifiableMap(open311);
        this.byIvrOption = Collections.unmodifiableMap(ivr);
    }

    private void checkOverflowTargets() {
        for (ServiceQueue queue : queues.values()) {
            List<String> chain = new ArrayList<>();
            chain.add(queue.code());
            Optional<String> next = queue.routing().overflowQueue();
            while (next.isPresent()) {
                String target = next.get();
                ServiceQueue targetQueue = queues.get(target);
                if (targetQueue == null) {
                    throw Checks.invalid("queue '" + chain.get(chain.size() - 1) + "' overflows into unknown queue '" + target
                            + "' (known: " + String.join(", ", queues.keySet()) + ")");
                }
                if (chain.contains(target)) {
                    chain.add(target);
                    throw Checks.invalid("queues overflow in a circle: " + String.join(" -> ", chain));
                }
                chain.add(target);
                next = targetQueue.routing().overflowQueue();
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key, String what) {
        if (items.isEmpty()) {
            throw Checks.invalid("the catalog has no " + what);
        }
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            Objects.requireNonNull(item, what);
            if (map.putIfAbsent(key.apply(item), item) != null) {
                throw Checks.invalid(what + " code '" + key.apply(item) + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static void putUnique(Map<String, Category> map, String key, Category category, String what) {
        if (key == null) {
            return;
        }
        Category other = map.putIfAbsent(key, category);
        if (other != null) {
            throw Checks.invalid(what + " '" + key + "' is used by categories '" + other.code() + "' and '" + category.code() + "'");
        }
    }

    /** The category with that code, if any. */
    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(categories.get(code));
    }

    /** The category with that code; fails with {@link ErrorCode#NOT_FOUND} when there is none. */
    public Category require(String code) {
        return find(code).orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "no service category '" + code + "'"));
    }

    /** The category offered on Open311 under that {@code service_code}, if any. */
    public Optional<Category> byOpen311Code(String serviceCode) {
        return serviceCode == null ? Optional.empty() : Optional.ofNullable(byOpen311Code.get(serviceCode.strip()));
    }

    /** The category chosen by those DTMF digits in the IVR menu, if any. */
    public Optional<Category> byIvrOption(String digits) {
        return digits == null ? Optional.empty() : Optional.ofNullable(byIvrOption.get(digits.strip()));
    }

    /** The general category, reviewed by a person. */
    public Category general() {
        return categories.get(GENERAL_CODE);
    }

    /** Every category, in catalog order. */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    /** Categories of one resolution class, in catalog order. */
    public List<Category> byResolutionClass(ResolutionClass resolutionClass) {
        return categories.values().stream().filter(c -> c.resolutionClass() == resolutionClass).toList();
    }

    /** Categories owned by that team, in catalog order (empty for an unknown team). */
    public List<Category> byTeam(String teamCode) {
        return categories.values().stream().filter(c -> c.owningTeam().equals(teamCode)).toList();
    }

    /** Categories whose live contacts wait in that queue, in catalog order. */
    public List<Category> byQueue(String queueCode) {
        return categories.values().stream().filter(c -> c.queue().equals(queueCode)).toList();
    }

    /** Every team, in catalog order. */
    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    /** The team with that code, if any. */
    public Optional<Team> team(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(teams.get(code));
    }

    /** Every queue, in catalog order. */
    public List<ServiceQueue> queues() {
        return List.copyOf(queues.values());
    }

    /**
     * Every queue, each after the queue it overflows into (routing needs an overflow target defined first), otherwise
     * in catalog order.
     */
    public List<ServiceQueue> queuesTargetsFirst() {
        List<ServiceQueue> ordered = new ArrayList<>();
        for (ServiceQueue queue : queues.values()) {
            addTargetsFirst(queue, ordered);
        }
        return List.copyOf(ordered);
    }

    private void addTargetsFirst(ServiceQueue queue, List<ServiceQueue> ordered) {
        if (ordered.contains(queue)) {
            return;
        }
        queue.routing().overflowQueue().map(queues::get).ifPresent(target -> addTargetsFirst(target, ordered));
        ordered.add(queue);
    }

    /** The queue with that code, if any. */
    public Optional<ServiceQueue> queue(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(queues.get(code));
    }

    /** Opening hours of the queue a category's live contacts wait in. */
    public OpeningHours openingHoursOf(Category category) {
        return queues.get(category.queue()).openingHours();
    }

    @Override
    public String toString() {
        return "Catalog[" + teams.size() + " teams, " + queues.size() + " queues, " + categories.size() + " categories]";
    }
}
