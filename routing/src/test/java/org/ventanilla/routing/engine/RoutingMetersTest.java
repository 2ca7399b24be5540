package org.ventanilla.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ventanilla.routing.engine.EngineHarness.agent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.model.QueueSpec;

class RoutingMetersTest {

    @Test
    void gaugesAndCountersFollowTheLiveMetrics() {
        EngineHarness h = new EngineHarness().queue(QueueSpec.builder("tramites").build());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoutingMeters.bind(h.engine.metrics(), registry);
        h.queue(QueueSpec.builder("catastro").build());
        RoutingMeters.bindQueue(h.engine.metrics(), registry, "catastro");

        h.available(agent("ana.gomez", "tramites").capacity(Channel.VOICE, 1).build());
        h.enqueue("llamada-1", "tramites", Channel.VOICE, 5);
        h.enqueue("llamada-2", "tramites", Channel.VOICE, 5);
        h.engine.accept("llamada-1", "ana.gomez");
        h.seconds(12);
        h.engine.abandon("llamada-2");
        h.enqueue("predio", "catastro", Channel.CHAT, 5);

        assertThat(registry.get(RoutingAddresses.METER_QUEUE_ANSWERED).tag(RoutingAddresses.TAG_QUEUE, "tramites")
                .functionCounter().count()).isEqualTo(1.0);
        assertThat(registry.get(RoutingAddresses.METER_QUEUE_ABANDONED).tag(RoutingAddresses.TAG_QUEUE, "tramites")
                .functionCounter().count()).isEqualTo(1.0);
        assertThat(registry.get(RoutingAddresses.METER_QUEUE_WAITING).tag(RoutingAddresses.TAG_QUEUE, "catastro")
                .gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(RoutingAddresses.METER_QUEUE_SERVICE_LEVEL).tag(RoutingAddresses.TAG_QUEUE, "tramites")
                .gauge().value()).isEqualTo(50.0);
        assertThat(registry.get(RoutingAddresses.METER_AGENTS).tag(RoutingAddresses.TAG_STATE, "busy").gauge().value())
                .isEqualTo(1.0);
    }
}
