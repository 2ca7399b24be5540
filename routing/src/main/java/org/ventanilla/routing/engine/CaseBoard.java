package org.ventanilla.routing.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.CaseView;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.AgentSpec;

/** The back-office work lists: deferred cases per owning team, ordered by due time, with deadline timers. */
final class CaseBoard {

    private static final Comparator<Case> BY_DUE = Comparator.comparing((Case c) -> c.request.dueAt())
            .thenComparing(c -> c.request.caseId());

    private final Map<String, Case> cases = new HashMap<>();
    private final Map<String, TreeSet<Case>> teams = new HashMap<>();
    private final Timers timers;
    private final double warningShare;
    private final Consumer<RoutingEvent> events;

    CaseBoard(Timers timers, double warningShare, Consumer<RoutingEvent> events) {
        this.timers = timers;
        this.warningShare = warningShare;
        this.events = events;
    }

    /** Adds a case; adding the same case id again changes nothing and returns false. */
    boolean add(CaseRequest request, Instant now) {
        if (cases.containsKey(request.caseId())) {
            return false;
        }
        Case entry = new Case(request);
        cases.put(request.caseId(), entry);
        teams.computeIfAbsent(request.teamId(), id -> new TreeSet<>(BY_DUE)).add(entry);
        Duration term = Duration.between(request.receivedAt(), request.dueAt());
        Instant warnAt = request.receivedAt().plusMillis((long) (term.toMillis() * warningShare));
        timers.schedule(Timers.Kind.CASE_WARNING, request.caseId(), warnAt);
        timers.schedule(Timers.Kind.CASE_OVERDUE, request.caseId(), request.dueAt());
        emit(RoutingEventType.CASE_ADDED, entry, now, null);
        return true;
    }

    /** An agent of the owning team takes an unassigned case (or one already theirs). */
    void claim(String caseId, AgentSpec agent, Instant now) {
        Case entry = known(caseId);
        requireTeam(entry, agent);
        if (entry.assignee != null && !entry.assignee.equals(agent.id())) {
            throw new VentanillaException(ErrorCode.CONFLICT,
                    "case '" + caseId + "' is already assigned to agent '" + entry.assignee + "'");
        }
        assign(entry, agent, now);
    }

    /** A supervisor gives a case to an agent of the owning team, whoever held it. */
    void assignTo(String caseId, AgentSpec agent, Instant now) {
        Case entry = known(caseId);
        requireTeam(entry, agent);
        assign(entry, agent, now);
    }

    /** The case leaves the work list (answered, closed, moved out of routing). */
    void close(String caseId, Instant now) {
        Case entry = cases.remove(caseId);
        if (entry == null) {
            throw unknown(caseId);
        }
        teams.get(entry.request.teamId()).remove(entry);
        timers.cancel(Timers.Kind.CASE_WARNING, caseId);
        timers.cancel(Timers.Kind.CASE_OVERDUE, caseId);
        emit(RoutingEventType.CASE_CLOSED, entry, now, null);
    }

    /** Fires a deadline timer. */
    void fire(Timers.Kind kind, String caseId, Instant now) {
        Case entry = cases.get(caseId);
        if (entry == null) {
            return;
        }
        if (kind == Timers.Kind.CASE_WARNING) {
            entry.warned = true;
            emit(RoutingEventType.DEADLINE_WARNING, entry, now, entry.request.dueAt().toString());
        } else {
            entry.warned = true;
            entry.overdue = true;
            emit(RoutingEventType.DEADLINE_OVERDUE, entry, now, entry.request.dueAt().toString());
        }
    }

    /** A team's cases, earliest due first. */
    List<CaseView> workList(String teamId) {
        TreeSet<Case> list = teams.get(teamId);
        if (list == null) {
            return List.of();
        }
        List<CaseView> result = new ArrayList<>(list.size());
        for (Case entry : list) {
            result.add(entry.view());
        }
        return result;
    }

    private void assign(Case entry, AgentSpec agent, Instant now) {
        if (agent.id().equals(entry.assignee)) {
            return;
        }
        entry.assignee = agent.id();
        emit(RoutingEventType.CASE_ASSIGNED, entry, now, null);
    }

    private static void requireTeam(Case entry, AgentSpec agent) {
        if (!agent.teams().contains(entry.request.teamId())) {
            throw new VentanillaException(ErrorCode.FORBIDDEN, "agent '" + agent.id() + "' is not in team '"
                    + entry.request.teamId() + "' that owns case '" + entry.request.caseId() + "'");
        }
    }

    private Case known(String caseId) {
        Case entry = cases.get(caseId);
        if (entry == null) {
            throw unknown(caseId);
        }
        return entry;
    }

    private static VentanillaException unknown(String caseId) {
        return new VentanillaException(ErrorCode.NOT_FOUND, "unknown case '" + caseId + "' (not on any work list)");
    }

    private void emit(RoutingEventType type, Case entry, Instant now, String detail) {
        CaseRequest request = entry.request;
        events.accept(new RoutingEvent(type, now, request.teamId(), request.caseId(), entry.assignee, null, request.receivedAt(),
                null, detail));
    }

    private static final class Case {
        final CaseRequest request;
        String assignee;
        boolean warned;
        boolean overdue;

        Case(CaseRequest request) {
            this.request = request;
        }

        CaseView view() {
            return new CaseView(request.caseId(), request.teamId(), request.category(), request.receivedAt(), request.dueAt(),
                    assignee, warned, overdue);
        }
    }
}
