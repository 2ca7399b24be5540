package org.ventanilla.core.domain.answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The one registry of approved answers, in memory. Every change makes a new version; old versions stay
 * readable, so a reply that recorded (id, version) can always show what the citizen read. Safe to share
 * between threads.
 */
public final class AnswerRegistry {

    private final Map<String, List<ApprovedAnswer>> versions = new LinkedHashMap<>();
    private final List<Consumer<ApprovedAnswer>> listeners = new CopyOnWriteArrayList<>();

    /** Publishes version 1 of a new answer; fails with {@link ErrorCode#CONFLICT} when the id is taken. */
    public ApprovedAnswer publish(String id, String categoryCode, String title, AnswerSource source) {
        return append(ApprovedAnswer.of(id, 1, categoryCode, title, source, true));
    }

    /**
     * Makes a new version with another title and source (same category, same active state); fails with
     * {@link ErrorCode#NOT_FOUND} for an unknown id.
     */
    public ApprovedAnswer edit(String id, String title, AnswerSource source) {
        synchronized (versions) {
            ApprovedAnswer current = require(id);
            return append(ApprovedAnswer.of(id, current.version() + 1, current.categoryCode(), title, source, current.active()));
        }
    }

    /** Makes a new version that is withdrawn (false) or back in use (true); the content stays the same. */
    public ApprovedAnswer setActive(String id, boolean active) {
        synchronized (versions) {
            ApprovedAnswer current = require(id);
            return append(new ApprovedAnswer(id, current.version() + 1, current.categoryCode(), current.title(), current.source(),
                    current.renderings(), active));
        }
    }

    /**
     * Adds a version read from storage or a file: it must be the next version of its id (1 for a new id)
     * and keep the category; fails with {@link ErrorCode#CONFLICT} otherwise.
     */
    public ApprovedAnswer append(ApprovedAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        synchronized (versions) {
            List<ApprovedAnswer> history = versions.get(answer.id());
            int expected = history == null ? 1 : history.size() + 1;
            if (answer.version() != expected) {
                throw new VentanillaException(ErrorCode.CONFLICT,
                        "answer '" + answer.id() + "' version " + answer.version() + " is not the next version (" + expected + ")");
            }
            if (history != null && !history.get(0).categoryCode().equals(answer.categoryCode())) {
                throw new VentanillaException(ErrorCode.CONFLICT, "answer '" + answer.id() + "' belongs to category '"
                        + history.get(0).categoryCode() + "', not '" + answer.categoryCode() + "'");
            }
            versions.computeIfAbsent(answer.id(), k -> new ArrayList<>()).add(answer);
            for (Consumer<ApprovedAnswer> listener : listeners) {
                listener.accept(answer);
            }
        }
        return answer;
    }

    /** The current (latest) version of an answer, active or not. */
    public Optional<ApprovedAnswer> current(String id) {
        synchronized (versions) {
            List<ApprovedAnswer> history = versions.get(id);
            return history == null ? Optional.empty() : Optional.of(history.get(history.size() - 1));
        }
    }

    /** A given version of an answer, if it exists. */
    public Optional<ApprovedAnswer> version(String id, int version) {
        synchronized (versions) {
            List<ApprovedAnswer> history = versions.get(id);
            if (history == null || version < 1 || version > history.size()) {
                return Optional.empty();
            }
            return Optional.of(history.get(version - 1));
        }
    }

    /** Every version of an answer, oldest first (empty for an unknown id). */
    public List<ApprovedAnswer> history(String id) {
        synchronized (versions) {
            return List.copyOf(versions.getOrDefault(id, List.of()));
        }
    }

    /** The current version of every answer, in the order they were first published. */
    public List<ApprovedAnswer> currentAnswers() {
        synchronized (versions) {
            return versions.values().stream().map(h -> h.get(h.size() - 1)).toList();
        }
    }

    /** The current versions of the active answers of a category. */
    public List<ApprovedAnswer> activeForCategory(String categoryCode) {
        return currentAnswers().stream().filter(a -> a.active() && a.categoryCode().equals(categoryCode)).toList();
    }

    /**
     * Calls {@code listener} with the current version of every answer, then with every version appended
     * from now on, in version order, on the appending thread and under the registry's lock (so a listener
     * must not call back into the registry); {@link AnswerSearch} keeps its index current this way.
     */
    public void follow(Consumer<ApprovedAnswer> listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (versions) {
            versions.values().forEach(h -> listener.accept(h.get(h.size() - 1)));
            listeners.add(listener);
        }
    }

    private ApprovedAnswer require(String id) {
        return current(id).orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND, "no approved answer '" + id + "'"));
    }
}
