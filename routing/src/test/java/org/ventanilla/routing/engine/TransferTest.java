package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ventanilla.routing.engine.EngineHarness.agent;
import static org.ventanilla.routing.engine.EngineHarness.skill;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.TransferRequest;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;

class TransferTest {

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("tramites").build())
            .queue(QueueSpec.builder("impuestos").skill("impuestos", 3).build());

    @Test
    void aWaitingItemMovesToAnotherQueueKeepingItsArrival() {
        Instant arrived = h.clock.instant();
        h.enqueue("chat", "tramites", Channel.CHAT, 5);
        h.seconds(40);

        h.engine.transfer(TransferRequest.toQueue("chat", "impuestos"));

        assertThat(h.engine.item("chat")).get().extracting(WorkItemView::queueId, WorkItemView::arrivedAt)
                .containsExactly("impuestos", arrived);
        h.available(agent("sin-impuestos", "impuestos").capacity(Channel.CHAT, 1).build());
        assertThat(h.engine.item("chat")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
        h.available(agent("marta.rios", "impuestos").skill("impuestos", 6).capacity(Channel.CHAT, 1).build());
        assertThat(h.offeredAgent("chat")).isEqualTo("marta.rios");
    }

    @Test
    void anAgentTransfersACallToAnotherQueueAndIsFreeAtOnce() {
        h.available(agent("ana.gomez", "tramites").skill("licencias", 4).capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5, skill("licencias", 1));
        h.engine.accept("llamada", "ana.gomez");
        h.seconds(90);

        h.engine.transfer(TransferRequest.toQueue("llamada", "impuestos"));

        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::queueId, WorkItemView::arrivedAt, WorkItemView::status)
                .containsExactly("impuestos", h.clock.instant(), ItemStatus.WAITING);
        assertThat(h.events(RoutingEventType.TRANSFERRED)).singleElement()
                .extracting(RoutingEvent::queueId, RoutingEvent::agentId, RoutingEvent::detail)
                .containsExactly("tramites", "ana.gomez", "queue:impuestos");
    }

    @Test
    void anItemTransferredToAnAgentGoesToThatAgentOnly() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 2).build());
        h.available(agent("pedro.diaz").capacity(Channel.CHAT, 2).build());
        h.enqueue("chat", "tramites", Channel.CHAT, 5);
        h.engine.accept("chat", "ana.gomez");

        h.engine.transfer(TransferRequest.toAgent("chat", "pedro.diaz"));

        assertThat(h.offeredAgent("chat")).isEqualTo("pedro.diaz");
        h.engine.accept("chat", "pedro.diaz");
        assertThat(h.engine.item("chat")).get().extracting(WorkItemView::queueId).isEqualTo("tramites");
    }

    @Test
    void aTransferredItemTheAgentDeclinesGoesBackToItsQueueForEveryone() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 1).build());
        h.available(agent("pedro.diaz").capacity(Channel.CHAT, 1).build());
        h.enqueue("chat", "tramites", Channel.CHAT, 5);
        h.engine.accept("chat", "ana.gomez");
        h.engine.transfer(TransferRequest.toAgent("chat", "pedro.diaz"));

        h.engine.decline("chat", "pedro.diaz");

        assertThat(h.offeredAgent("chat")).isEqualTo("ana.gomez");
    }

    @Test
    void aTransferToAnAgentWhoTakesNoSuchWorkIsRefused() {
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.engine.defineAgent(agent("solo.chat", "tramites").capacity(Channel.CHAT, 2).build());

        assertThatThrownBy(() -> h.engine.transfer(TransferRequest.toAgent("llamada", "solo.chat")))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("agent 'solo.chat' takes no VOICE work (capacity 0)");
    }
}
