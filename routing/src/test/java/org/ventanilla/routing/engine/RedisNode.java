package org.ventanilla.routing.engine;

import java.time.Clock;
import java.time.Duration;
import org.ventanilla.core.testing.TestServices;
import org.ventanilla.routing.state.redis.RedisLiveState;

/**
 * One routing node of a multi-node test in one JVM: an engine over its own {@link RedisLiveState} connection on the
 * prefix every node shares, its own node id and lease, and its own sink (what the node would deliver to the consoles
 * connected to it).
 */
final class RedisNode implements AutoCloseable {

    final RedisLiveState state;
    final MemoryEventSink sink = new MemoryEventSink();
    final RoutingEngine engine;

    RedisNode(String prefix, String nodeId, Clock clock) {
        this(prefix, nodeId, clock, RoutingSettings.DEFAULTS, Duration.ofMinutes(1));
    }

    RedisNode(String prefix, String nodeId, Clock clock, RoutingSettings settings, Duration lease) {
        TestServices.requireRedis();
        state = RedisLiveState.create(TestServices.redisUri(), prefix, nodeId);
        state.heartbeat(lease);
        engine = RoutingEngine.create(settings, state, sink, clock);
    }

    @Override
    public void close() {
        state.close();
    }
}
