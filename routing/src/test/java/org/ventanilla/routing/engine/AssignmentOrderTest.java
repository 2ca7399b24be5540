package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ventanilla.routing.engine.EngineHarness.agent;
import static org.ventanilla.routing.engine.EngineHarness.skill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;

class AssignmentOrderTest {

    private final EngineHarness h = new EngineHarness()
            .queue(QueueSpec.builder("tramites").serviceLevel(Channel.VOICE, Duration.ofSeconds(20), 80).build())
            .queue(QueueSpec.builder("catastro").build());

    @Test
    void itemsOfTheSamePriorityAreServedInArrivalOrder() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        for (int i = 1; i <= 6; i++) {
            h.enqueue("llamada-" + i, "tramites", Channel.VOICE, 5);
            h.clock.advance(Duration.ofSeconds(1));
        }
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));

        for (int i = 0; i < 6; i++) {
            h.handleAll("ana.gomez");
        }

        assertThat(h.offeredTo("ana.gomez"))
                .containsExactly("llamada-1", "llamada-2", "llamada-3", "llamada-4", "llamada-5", "llamada-6");
    }

    @Test
    void higherPriorityGoesFirstAndEachPriorityKeepsItsArrivalOrder() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("baja-1", "tramites", Channel.VOICE, 1);
        h.enqueue("alta-1", "tramites", Channel.VOICE, 7);
        h.enqueue("baja-2", "tramites", Channel.VOICE, 1);
        h.enqueue("alta-2", "tramites", Channel.VOICE, 7);
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));

        for (int i = 0; i < 4; i++) {
            h.handleAll("ana.gomez");
        }

        assertThat(h.offeredTo("ana.gomez")).containsExactly("alta-1", "alta-2", "baja-1", "baja-2");
    }

    @Test
    void ageingLetsLowPriorityThroughUnderSustainedHighPriorityLoad() {
        h.engine.defineAgent(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        Instant lowArrived = h.clock.instant();
        h.enqueue("baja", "tramites", Channel.VOICE, 0);
        for (int i = 1; i <= 3; i++) {
            h.enqueue("alta-" + i, "tramites", Channel.VOICE, 9);
        }
        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));

        // one priority-9 call arrives every 10 s and the agent answers one every 10 s: the backlog never empties
        Duration lowWaited = null;
        int next = 4;
        for (int step = 0; step < 100 && lowWaited == null; step++) {
            h.seconds(10);
            h.enqueue("alta-" + next++, "tramites", Channel.VOICE, 9);
            if (h.sink.lastOffer().itemId().equals("baja")) {
                lowWaited = Duration.between(lowArrived, h.clock.instant());
                assertThat(h.engine.waiting("tramites")).extracting(WorkItemView::priority).contains(9);
            }
            h.handleAll("ana.gomez");
        }

        assertThat(lowWaited).as("the low-priority call is answered while high-priority calls keep coming").isNotNull();
        // 9 priority levels at one level per 20 s target: about 180 s more than the high-priority calls wait
        assertThat(lowWaited).isGreaterThan(Duration.ofSeconds(180)).isLessThan(Duration.ofSeconds(260));
    }

    @Test
    void theAgentWithTheBestSkillLevelGetsTheItem() {
        h.available(agent("jose.nunez", "catastro").skill("catastro", 5).capacity(Channel.CHAT, 2).build());
        h.available(agent("maria.lopez", "catastro").skill("catastro", 8).capacity(Channel.CHAT, 2).build());
        h.available(agent("luis.pena", "catastro").skill("catastro", 2).capacity(Channel.CHAT, 2).build());

        h.enqueue("chat-1", "catastro", Channel.CHAT, 5, skill("catastro", 3));

        assertThat(h.offeredAgent("chat-1")).isEqualTo("maria.lopez");
    }

    @Test
    void amongEquallySkilledAgentsTheLongestIdleGetsTheItem() {
        h.available(agent("jose.nunez", "tramites").capacity(Channel.VOICE, 1).build());
        h.clock.advance(Duration.ofSeconds(5));
        h.available(agent("maria.lopez", "tramites").capacity(Channel.VOICE, 1).build());
        h.clock.advance(Duration.ofSeconds(5));

        h.enqueue("llamada-1", "tramites", Channel.VOICE, 5);
        assertThat(h.offeredAgent("llamada-1")).isEqualTo("jose.nunez");
        h.handleAll("jose.nunez");

        h.clock.advance(Duration.ofSeconds(5));
        h.enqueue("llamada-2", "tramites", Channel.VOICE, 5);
        assertThat(h.offeredAgent("llamada-2")).isEqualTo("maria.lopez");
    }

    @Test
    void aFreedAgentTakesTheMostUrgentItemAcrossItsQueues() {
        h.engine.defineAgent(agent("ana.gomez", "tramites", "catastro").capacity(Channel.CHAT, 1).build());
        h.enqueue("tramite", "tramites", Channel.CHAT, 3);
        h.enqueue("predio", "catastro", Channel.CHAT, 6);
        h.enqueue("otro-tramite", "tramites", Channel.CHAT, 3);

        h.engine.setAgentState(AgentStateChange.available("ana.gomez"));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(h.sink.lastOffer().itemId());
            h.handleAll("ana.gomez");
        }

        assertThat(order).containsExactly("predio", "tramite", "otro-tramite");
    }

    @Test
    void anItemNobodyCanTakeWaitsWithoutBlockingOthersBehindIt() {
        h.available(agent("ana.gomez", "catastro").skill("catastro", 4).capacity(Channel.CHAT, 1).build());
        h.enqueue("experto", "catastro", Channel.CHAT, 9, skill("catastro", 9));
        h.enqueue("sencillo", "catastro", Channel.CHAT, 1, skill("catastro", 2));

        assertThat(h.engine.item("experto")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.WAITING);
        assertThat(h.offeredAgent("sencillo")).isEqualTo("ana.gomez");
    }

    @Test
    void anItemAsksForItsLanguage() {
        h.available(agent("ana.gomez", "tramites").capacity(Channel.CHAT, 1).build());
        h.available(AgentSpecs.bilingual("john.rojas", "tramites"));
        h.engine.enqueue(new EnqueueRequest("chat-en", "tramites", Channel.CHAT, "turismo.informacion",
                List.of(), "en", 4));

        assertThat(h.offeredAgent("chat-en")).isEqualTo("john.rojas");
    }
}
