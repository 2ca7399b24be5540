package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.TransferRequest;
import org.ventanilla.routing.model.OverflowAction;
import org.ventanilla.routing.model.QueueSpec;

class InvalidTransitionsTest {

    private final EngineHarness h = new EngineHarness().queue(QueueSpec.builder("tramites").build());

    @BeforeEach
    void agents() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
    }

    @Test
    void acceptingAnOfferMadeToAnotherAgentIsAConflict() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String offeredTo = h.offeredAgent("llamada");
        String other = offeredTo.equals("ana.gomez") ? "jose.nunez" : "ana.gomez";

        refused(() -> h.engine.accept("llamada", other), ErrorCode.CONFLICT,
                "work item 'llamada' is offered to another agent, not to '" + other + "'");
    }

    @Test
    void acceptingAnExpiredOfferIsAConflict() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String first = h.offeredAgent("llamada");
        h.seconds(20);
        String second = h.offeredAgent("llamada");
        assertThat(second).isNotEqualTo(first);

        refused(() -> h.engine.accept("llamada", first), ErrorCode.CONFLICT,
                "work item 'llamada' is offered to another agent, not to '" + first + "'");
        h.engine.setAgentState(AgentStateChange.away(first, "reunion"));
        h.engine.setAgentState(AgentStateChange.away(second, "reunion"));
        refused(() -> h.engine.accept("llamada", second), ErrorCode.CONFLICT,
                "work item 'llamada' has no pending offer (it is WAITING); the offer expired or was already answered");
    }

    @Test
    void anAnswerAtTheExpiryIsRefusedEvenBeforeTheTimersRun() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String first = h.offeredAgent("llamada");
        h.clock.advance(Duration.ofSeconds(20));

        refused(() -> h.engine.accept("llamada", first), ErrorCode.CONFLICT,
                "the offer of work item 'llamada' to agent '" + first + "' expired at 2025-03-04T14:00:20Z");
        assertThat(h.offeredAgent("llamada")).as("the timeout was processed: the other agent has it").isNotEqualTo(first);
        assertThat(h.engine.agentState(first).missedOffers()).isEqualTo(1);
    }

    @Test
    void acceptingTwiceIsAConflict() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String agent = h.offeredAgent("llamada");
        h.engine.accept("llamada", agent);

        refused(() -> h.engine.accept("llamada", agent), ErrorCode.CONFLICT,
                "work item 'llamada' has no pending offer (it is ACCEPTED); the offer expired or was already answered");
        refused(() -> h.engine.decline("llamada", agent), ErrorCode.CONFLICT,
                "work item 'llamada' has no pending offer (it is ACCEPTED); the offer expired or was already answered");
    }

    @Test
    void completingAnItemNotAcceptedOrOfAnotherAgentIsAConflict() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String agent = h.offeredAgent("llamada");
        String other = agent.equals("ana.gomez") ? "jose.nunez" : "ana.gomez";

        refused(() -> h.engine.complete("llamada", agent), ErrorCode.CONFLICT,
                "work item 'llamada' is not being handled (it is OFFERED)");
        h.engine.accept("llamada", agent);
        refused(() -> h.engine.complete("llamada", other), ErrorCode.CONFLICT,
                "work item 'llamada' is held by another agent, not by '" + other + "'");
        refused(() -> h.engine.endWrapUp("llamada", agent), ErrorCode.CONFLICT,
                "work item 'llamada' is not in wrap-up (it is ACCEPTED)");
    }

    @Test
    void unknownThingsAreNotFound() {
        refused(() -> h.engine.accept("no-existe", "ana.gomez"), ErrorCode.NOT_FOUND,
                "unknown work item 'no-existe' (never enqueued, or already finished)");
        refused(() -> h.engine.accept("llamada", "nadie"), ErrorCode.NOT_FOUND, "unknown agent 'nadie'");
        refused(() -> h.enqueue("llamada", "no-existe", Channel.VOICE, 5), ErrorCode.NOT_FOUND, "unknown queue 'no-existe'");
        refused(() -> h.engine.abandon("no-existe"), ErrorCode.NOT_FOUND,
                "unknown work item 'no-existe' (never enqueued, or already finished)");
        refused(() -> h.engine.setAgentState(AgentStateChange.available("nadie")), ErrorCode.NOT_FOUND, "unknown agent 'nadie'");
        refused(() -> h.engine.transfer(TransferRequest.toQueue("no-existe", "tramites")), ErrorCode.NOT_FOUND,
                "unknown work item 'no-existe' (never enqueued, or already finished)");
    }

    @Test
    void abandoningAnAnsweredItemIsAConflict() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String agent = h.offeredAgent("llamada");
        h.engine.accept("llamada", agent);

        refused(() -> h.engine.abandon("llamada"), ErrorCode.CONFLICT,
                "work item 'llamada' is already answered by agent '" + agent + "' (ACCEPTED); complete it instead of abandoning it");
    }

    @Test
    void signingOutWhileHandlingACallIsAConflictAndChangesNothing() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        String agent = h.offeredAgent("llamada");
        h.engine.accept("llamada", agent);

        refused(() -> h.engine.setAgentState(AgentStateChange.offline(agent)), ErrorCode.CONFLICT,
                "agent '" + agent + "' still handles accepted work; complete or transfer it before signing out");
        assertThat(h.engine.agentState(agent).state()).isEqualTo(AgentState.BUSY);
    }

    @Test
    void badRequestsAreInvalidInput() {
        refused(() -> new EnqueueRequest("llamada", "tramites", Channel.VOICE, "tramites", List.of(), "es", 10),
                ErrorCode.INVALID_INPUT, "priority (10) must be between 0 and 9");
        refused(() -> new EnqueueRequest("+57 300 123 4567", "tramites", Channel.VOICE, "tramites", List.of(), "es", 1),
                ErrorCode.INVALID_INPUT, "work item id may only contain letters, digits and . _ : - (value not shown)");
        refused(() -> new AgentStateChange("ana.gomez", AgentState.BUSY, null), ErrorCode.INVALID_INPUT,
                "agent state BUSY cannot be set directly; an agent declares AVAILABLE, AWAY or OFFLINE and BUSY or WRAP_UP follow"
                        + " from work");
        refused(() -> AgentStateChange.away("ana.gomez", " "), ErrorCode.INVALID_INPUT, "away state of agent 'ana.gomez' needs a reason");
        refused(() -> new TransferRequest("llamada", "tramites", "ana.gomez"), ErrorCode.INVALID_INPUT,
                "transfer of work item 'llamada' needs exactly one target: a queue or an agent");
        refused(() -> h.engine.defineQueue(QueueSpec.builder("licencias")
                .overflowAfter(Duration.ofMinutes(3), OverflowAction.toQueue("general")).build()), ErrorCode.INVALID_INPUT,
                "overflow target queue 'general' of queue 'licencias' is not defined; define it first");
    }

    private static void refused(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }
}
