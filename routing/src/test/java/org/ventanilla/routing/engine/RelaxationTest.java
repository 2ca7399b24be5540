package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ventanilla.routing.engine.EngineHarness.agent;
import static org.ventanilla.routing.engine.EngineHarness.skill;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.RelaxationStep;

class RelaxationTest {

    private final EngineHarness h = new EngineHarness().queue(QueueSpec.builder("catastro")
            .skill("catastro", 1)
            .relax(RelaxationStep.lower(Duration.ofSeconds(30), "avaluos", 4))
            .relax(RelaxationStep.drop(Duration.ofSeconds(60), "avaluos"))
            .build());

    @Test
    void aSkillRequirementIsLoweredAndThenDroppedAtTheConfiguredTimes() {
        h.available(agent("jose.nunez", "catastro").skill("catastro", 3).skill("avaluos", 5).capacity(Channel.CHAT, 1).build());
        h.available(agent("luis.pena", "catastro").skill("catastro", 3).capacity(Channel.CHAT, 1).build());
        h.enqueue("avaluo-1", "catastro", Channel.CHAT, 5, skill("avaluos", 8));
        h.enqueue("avaluo-2", "catastro", Channel.CHAT, 5, skill("avaluos", 8));

        h.seconds(29);
        assertThat(status("avaluo-1")).isEqualTo(ItemStatus.WAITING);
        assertThat(h.events(RoutingEventType.RELAXED)).isEmpty();

        h.seconds(1);
        assertThat(h.offeredAgent("avaluo-1")).as("avaluos >= 4 after 30 s").isEqualTo("jose.nunez");
        h.engine.accept("avaluo-1", "jose.nunez");
        assertThat(status("avaluo-2")).as("luis has no avaluos skill").isEqualTo(ItemStatus.WAITING);

        h.seconds(29);
        assertThat(status("avaluo-2")).isEqualTo(ItemStatus.WAITING);

        h.seconds(1);
        assertThat(h.offeredAgent("avaluo-2")).as("avaluos dropped after 60 s").isEqualTo("luis.pena");
        assertThat(h.events(RoutingEventType.RELAXED)).extracting(RoutingEvent::itemId, RoutingEvent::detail).containsExactly(
                tuple("avaluo-1", "avaluos>=4"),
                tuple("avaluo-2", "avaluos>=4"),
                tuple("avaluo-2", "avaluos dropped"));
    }

    @Test
    void anAgentFreedAfterTheStepTakesTheRelaxedItem() {
        h.engine.defineAgent(agent("luis.pena", "catastro").skill("catastro", 3).capacity(Channel.CHAT, 1).build());
        h.enqueue("avaluo", "catastro", Channel.CHAT, 5, skill("avaluos", 8));
        h.seconds(61);

        h.engine.setAgentState(AgentStateChange.available("luis.pena"));

        assertThat(h.offeredAgent("avaluo")).isEqualTo("luis.pena");
    }

    @Test
    void aQueueSkillIsNeverDroppedByAStepOnAnotherSkill() {
        h.available(agent("sin.catastro", "catastro").skill("avaluos", 9).capacity(Channel.CHAT, 1).build());
        h.enqueue("avaluo", "catastro", Channel.CHAT, 5, skill("avaluos", 8));

        h.seconds(120);

        assertThat(status("avaluo")).isEqualTo(ItemStatus.WAITING);
    }

    private ItemStatus status(String itemId) {
        return h.engine.item(itemId).map(WorkItemView::status).orElseThrow();
    }
}
