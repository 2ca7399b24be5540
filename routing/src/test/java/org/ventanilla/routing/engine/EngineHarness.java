package org.ventanilla.routing.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.EnqueueResult;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.OfferEvent;
import org.ventanilla.routing.api.RoutingEvent;
import org.ventanilla.routing.api.RoutingEventType;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.MemoryLiveState;

/** An engine over a memory live state, a memory sink and a clock the test moves: Tuesday 4 March 2025, 09:00 Bogotá. */
final class EngineHarness {

    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    static final Instant START = Instant.parse("2025-03-04T14:00:00Z");

    final MutableClock clock = new MutableClock(START, BOGOTA);
    final MemoryEventSink sink = new MemoryEventSink();
    final MemoryLiveState state = new MemoryLiveState();
    final RoutingEngine engine;

    EngineHarness() {
        this(RoutingSettings.DEFAULTS);
    }

    EngineHarness(RoutingSettings settings) {
        engine = RoutingEngine.create(settings, state, sink, clock);
    }

    EngineHarness queue(QueueSpec queue) {
        engine.defineQueue(queue);
        return this;
    }

    /** Defines the agent and makes it available. */
    EngineHarness available(AgentSpec agent) {
        engine.defineAgent(agent);
        engine.setAgentState(AgentStateChange.available(agent.id()));
        return this;
    }

    EnqueueResult enqueue(String itemId, String queueId, Channel channel, int priority, SkillRequirement... skills) {
        return engine.enqueue(new EnqueueRequest(itemId, queueId, channel, "tramites.licencias", Arrays.asList(skills), "es",
                priority));
    }

    /** Moves the clock and runs the timers. */
    void advance(Duration step) {
        clock.advance(step);
        engine.tick();
    }

    void seconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** The items offered to {@code agentId} so far, in order. */
    List<String> offeredTo(String agentId) {
        List<String> items = new ArrayList<>();
        for (OfferEvent offer : sink.offers()) {
            if (offer.agentId().equals(agentId)) {
                items.add(offer.itemId());
            }
        }
        return items;
    }

    /** The agents {@code itemId} was offered to, in order. */
    List<String> offersOf(String itemId) {
        List<String> agents = new ArrayList<>();
        for (OfferEvent offer : sink.offers()) {
            if (offer.itemId().equals(itemId)) {
                agents.add(offer.agentId());
            }
        }
        return agents;
    }

    /** The agent the item is offered to now, or null. */
    String offeredAgent(String itemId) {
        return engine.item(itemId).map(view -> view.agentId()).orElse(null);
    }

    List<RoutingEvent> events(RoutingEventType type) {
        return sink.events(type);
    }

    /** Accepts and completes every item offered to or held by the agent now, and ends the wrap-ups. */
    void handleAll(String agentId) {
        for (String itemId : List.copyOf(offeredTo(agentId))) {
            engine.item(itemId).ifPresent(view -> {
                if (!agentId.equals(view.agentId())) {
                    return;
                }
                if (view.status() == ItemStatus.OFFERED) {
                    engine.accept(itemId, agentId);
                }
                if (view.status() != ItemStatus.WRAP_UP) {
                    engine.complete(itemId, agentId);
                }
                engine.endWrapUp(itemId, agentId);
            });
        }
    }

    static AgentSpec.Builder agent(String id, String... queues) {
        return AgentSpec.builder(id).languages("es").queues(queues);
    }

    static SkillRequirement skill(String name, int level) {
        return new SkillRequirement(name, level);
    }
}
