package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;

/**
 * State rebuilt after a restart when the live state is shared: node A restarts (a rolling update) while node B, alive,
 * has an offer in flight to its agent. A's restore may give back the offers A made, but must leave B's offer alone:
 * B's agent is looking at it and may accept it.
 */
class MultiNodeRestoreIT {

    private final MutableClock clock = new MutableClock(EngineHarness.START, EngineHarness.BOGOTA);
    private final String prefix = TestServices.uniquePrefix();
    private final List<RedisNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisNode::close);
    }

    @Test
    void aRestartingNodeLeavesTheOffersOfALiveNodeAlone() {
        RedisNode b = start("nodo-b");
        b.engine.setAgentState(AgentStateChange.available("marta.rios"));
        b.engine.enqueue(new EnqueueRequest("chat-1", "tramites", Channel.CHAT, "tramites.licencias", List.of(), "es", 5));
        assertThat(b.engine.item("chat-1")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .containsExactly(ItemStatus.OFFERED, "marta.rios");

        RedisNode restartedA = start("nodo-a");
        restartedA.engine.restore(List.of());

        assertThat(restartedA.engine.item("chat-1")).get().extracting(WorkItemView::status, WorkItemView::agentId)
                .as("node B's offer to its agent is still in flight").containsExactly(ItemStatus.OFFERED, "marta.rios");
        b.engine.accept("chat-1", "marta.rios");
        assertThat(b.engine.item("chat-1")).get().extracting(WorkItemView::status).isEqualTo(ItemStatus.ACCEPTED);
    }

    private RedisNode start(String nodeId) {
        RedisNode node = new RedisNode(prefix, nodeId, clock);
        nodes.add(node);
        node.engine.defineQueue(QueueSpec.builder("tramites").build());
        node.engine.defineAgent(AgentSpec.builder("marta.rios").languages("es").queues("tramites").capacity(Channel.CHAT, 2).build());
        return node;
    }
}
