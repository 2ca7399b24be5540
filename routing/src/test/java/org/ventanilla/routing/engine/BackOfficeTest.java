package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.CaseView;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.model.AgentSpec;

class BackOfficeTest {

    /** A petition received on Tuesday 4 March 2025, due 15 business days later (Tuesday 25 March, 24 March a holiday). */
    private static final Instant RECEIVED = Instant.parse("2025-03-04T14:00:00Z");
    private static final Instant DUE = Instant.parse("2025-03-26T04:59:59Z");

    private final EngineHarness h = new EngineHarness();

    @BeforeEach
    void team() {
        h.engine.defineAgent(AgentSpec.builder("carmen.ruiz").teams("gestion-documental").build());
        h.engine.defineAgent(AgentSpec.builder("pedro.diaz").teams("gestion-documental").build());
        h.engine.defineAgent(AgentSpec.builder("otra.area").teams("catastro").build());
    }

    @Test
    void casesAreListedForTheirTeamEarliestDueFirst() {
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));
        h.engine.addCase(new CaseRequest("2025-0000001", "gestion-documental", "pqrs.informacion", RECEIVED,
                Instant.parse("2025-03-19T04:59:59Z")));
        h.engine.addCase(new CaseRequest("2025-0000002", "catastro", "catastro.avaluo", RECEIVED, DUE));

        assertThat(h.engine.workList("gestion-documental")).extracting(CaseView::caseId)
                .containsExactly("2025-0000001", "2025-0000003");
        assertThat(h.engine.workList("catastro")).extracting(CaseView::caseId).containsExactly("2025-0000002");
        assertThat(h.engine.workList("sin-casos")).isEmpty();
    }

    @Test
    void addingTheSameCaseTwiceChangesNothing() {
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));

        assertThat(h.engine.workList("gestion-documental")).hasSize(1);
        assertThat(h.events(RoutingEventType.CASE_ADDED)).hasSize(1);
    }

    @Test
    void anAgentOfTheTeamClaimsACaseAndNobodyElseCanClaimIt() {
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));

        h.engine.claimCase("2025-0000003", "carmen.ruiz");

        assertThat(h.engine.workList("gestion-documental")).singleElement().extracting(CaseView::assigneeId).isEqualTo("carmen.ruiz");
        assertThatThrownBy(() -> h.engine.claimCase("2025-0000003", "pedro.diaz"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("case '2025-0000003' is already assigned to agent 'carmen.ruiz'");
        assertThatThrownBy(() -> h.engine.claimCase("2025-0000003", "otra.area"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessage("agent 'otra.area' is not in team 'gestion-documental' that owns case '2025-0000003'");
    }

    @Test
    void aSupervisorReassignsACaseWithinTheTeam() {
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));
        h.engine.claimCase("2025-0000003", "carmen.ruiz");

        h.engine.assignCase("2025-0000003", "pedro.diaz");

        assertThat(h.engine.workList("gestion-documental")).singleElement().extracting(CaseView::assigneeId).isEqualTo("pedro.diaz");
        assertThat(h.events(RoutingEventType.CASE_ASSIGNED)).extracting(RoutingEvent::agentId)
                .containsExactly("carmen.ruiz", "pedro.diaz");
    }

    @Test
    void aDeadlineWarningIsGivenAtThreeQuartersOfTheTermAndOverdueAtTheDueTime() {
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));
        Duration term = Duration.between(RECEIVED, DUE);
        Instant warningAt = RECEIVED.plusMillis(term.toMillis() * 3 / 4);

        h.clock.set(warningAt.minusSeconds(1));
        h.engine.tick();
        assertThat(h.events(RoutingEventType.DEADLINE_WARNING)).isEmpty();

        h.clock.set(warningAt);
        h.engine.tick();
        assertThat(h.events(RoutingEventType.DEADLINE_WARNING)).singleElement()
                .extracting(RoutingEvent::itemId, RoutingEvent::queueId, RoutingEvent::at, RoutingEvent::detail)
                .containsExactly("2025-0000003", "gestion-documental", warningAt, DUE.toString());
        assertThat(h.engine.workList("gestion-documental")).singleElement()
                .extracting(CaseView::warned, CaseView::overdue).containsExactly(true, false);

        h.clock.set(DUE.minusSeconds(1));
        h.engine.tick();
        assertThat(h.events(RoutingEventType.DEADLINE_OVERDUE)).isEmpty();
        h.clock.set(DUE);
        h.engine.tick();
        h.engine.tick();

        assertThat(h.events(RoutingEventType.DEADLINE_OVERDUE)).extracting(RoutingEvent::itemId).containsExactly("2025-0000003");
        assertThat(h.events(RoutingEventType.DEADLINE_WARNING)).hasSize(1);
        assertThat(h.engine.workList("gestion-documental")).singleElement()
                .extracting(CaseView::warned, CaseView::overdue).containsExactly(true, true);
    }

    @Test
    void aCaseAddedLateGetsItsWarningAtTheNextTick() {
        h.clock.set(DUE.minus(Duration.ofDays(1)));
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));

        h.engine.tick();

        assertThat(h.events(RoutingEventType.DEADLINE_WARNING)).extracting(RoutingEvent::itemId).containsExactly("2025-0000003");
        assertThat(h.events(RoutingEventType.DEADLINE_OVERDUE)).isEmpty();
    }

    @Test
    void aClosedCaseLeavesTheListAndGivesNoMoreWarnings() {
        h.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));
        h.engine.closeCase("2025-0000003");

        h.clock.set(DUE.plusSeconds(1));
        h.engine.tick();

        assertThat(h.engine.workList("gestion-documental")).isEmpty();
        assertThat(h.sink.events()).extracting(RoutingEvent::type, RoutingEvent::itemId).containsExactly(
                tuple(RoutingEventType.CASE_ADDED, "2025-0000003"), tuple(RoutingEventType.CASE_CLOSED, "2025-0000003"));
        assertThatThrownBy(() -> h.engine.closeCase("2025-0000003"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void theWarningShareIsConfigurable() {
        EngineHarness early = new EngineHarness(RoutingSettings.DEFAULTS.withDeadlineWarningShare(0.5));
        early.engine.addCase(new CaseRequest("2025-0000003", "gestion-documental", "pqrs.peticion", RECEIVED, DUE));

        early.clock.set(RECEIVED.plus(Duration.between(RECEIVED, DUE).dividedBy(2)));
        early.engine.tick();

        assertThat(early.events(RoutingEventType.DEADLINE_WARNING)).hasSize(1);
    }
}
