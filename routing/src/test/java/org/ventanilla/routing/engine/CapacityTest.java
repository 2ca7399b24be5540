package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentState;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;

class CapacityTest {

    private final EngineHarness h = new EngineHarness().queue(QueueSpec.builder("tramites").build());

    @Test
    void anAgentTakesNoMoreChatsThanItsChatCapacity() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 3).build());
        for (int i = 1; i <= 5; i++) {
            h.enqueue("chat-" + i, "tramites", Channel.CHAT, 5);
        }

        assertThat(h.offeredTo("ana.gomez")).containsExactly("chat-1", "chat-2", "chat-3");
        assertThat(h.engine.item("chat-4")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
        assertThat(h.engine.agentState("ana.gomez").load()).isEqualTo(Map.of(Channel.CHAT, 3));

        h.engine.accept("chat-2", "ana.gomez");
        h.engine.complete("chat-2", "ana.gomez");
        assertThat(h.offeredTo("ana.gomez")).as("wrap-up still holds the slot").hasSize(3);

        h.engine.endWrapUp("chat-2", "ana.gomez");
        assertThat(h.offeredTo("ana.gomez")).containsExactly("chat-1", "chat-2", "chat-3", "chat-4");
    }

    @Test
    void capacityIsCountedPerChannel() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 1).capacity(Channel.EMAIL, 2).build());
        h.enqueue("chat-1", "tramites", Channel.CHAT, 5);
        h.enqueue("chat-2", "tramites", Channel.CHAT, 5);
        h.enqueue("correo-1", "tramites", Channel.EMAIL, 5);
        h.enqueue("correo-2", "tramites", Channel.EMAIL, 5);
        h.enqueue("correo-3", "tramites", Channel.EMAIL, 5);
        h.enqueue("open311-1", "tramites", Channel.OPEN311, 5);

        assertThat(h.offeredTo("ana.gomez")).containsExactly("chat-1", "correo-1", "correo-2");
    }

    @Test
    void anAgentOnACallTakesNothingElse() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).capacity(Channel.CHAT, 3).build());
        h.enqueue("llamada", "tramites", Channel.VOICE, 5);
        h.engine.accept("llamada", "ana.gomez");

        h.enqueue("chat-1", "tramites", Channel.CHAT, 5);

        assertThat(h.engine.agentState("ana.gomez").state()).isEqualTo(AgentState.BUSY);
        assertThat(h.engine.item("chat-1")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);

        h.engine.complete("llamada", "ana.gomez");
        assertThat(h.engine.item("chat-1")).get().extracting(WorkItemView::status)
                .as("voice wrap-up is exclusive too").isEqualTo(ItemStatus.WAITING);
        h.engine.endWrapUp("llamada", "ana.gomez");
        assertThat(h.offeredAgent("chat-1")).isEqualTo("ana.gomez");
    }

    @Test
    void anAgentWithAnyChatGetsNoCall() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).capacity(Channel.CHAT, 3).build());
        h.enqueue("chat-1", "tramites", Channel.CHAT, 5);
        h.engine.accept("chat-1", "ana.gomez");

        h.enqueue("llamada", "tramites", Channel.VOICE, 9);
        h.enqueue("chat-2", "tramites", Channel.CHAT, 1);

        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
        assertThat(h.offeredAgent("chat-2")).isEqualTo("ana.gomez");

        h.handleAll("ana.gomez");
        assertThat(h.offeredAgent("llamada")).as("the call comes once every chat is over").isEqualTo("ana.gomez");
    }

    @Test
    void aCallWaitingForAFreeAgentGoesToTheOneWithoutChats() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).capacity(Channel.CHAT, 3).build());
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).capacity(Channel.CHAT, 3).build());
        h.enqueue("chat-1", "tramites", Channel.CHAT, 5);
        String chatAgent = h.offeredAgent("chat-1");

        h.enqueue("llamada", "tramites", Channel.VOICE, 5);

        assertThat(h.offeredAgent("llamada")).isNotEqualTo(chatAgent).isNotNull();
    }

    @Test
    void anAgentWithoutCapacityOnAChannelGetsNothingOfIt() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 3).build());

        h.enqueue("llamada", "tramites", Channel.VOICE, 9);

        assertThat(h.engine.item("llamada")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
    }
}
