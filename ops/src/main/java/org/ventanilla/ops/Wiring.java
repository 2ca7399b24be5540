package org.ventanilla.ops;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.memory.MemoryClusterEvents;
import org.ventanilla.core.adapter.memory.MemoryLeases;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.adapter.redis.RedisClusterEvents;
import org.ventanilla.core.adapter.redis.RedisLeases;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.core.port.Leases;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.ops.health.HealthChecks;

/**
 * The one place that reads the settings and chooses adapters (plain code, an exhaustive switch per choice), then
 * assembles the {@link Server}: its health checks, its routes and what it closes when it stops.
 */
public final class Wiring {

    private Wiring() {
    }

    /** The adapters chosen for this node's ports. */
    public record Adapters(RecordStore records, Leases leases, ClusterEvents clusterEvents) {
        public Adapters {
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(leases, "leases");
            Objects.requireNonNull(clusterEvents, "clusterEvents");
        }
    }

    /**
     * Opens the adapters for {@code settings} and builds the server around them. Blocking (it may open a pool
     * and connect to Redis): call it from the main thread, never from an event loop.
     */
    public static Server server(Settings settings, Clock clock) {
        Adapters adapters = adapters(settings, clock);
        Server.Builder builder = Server.builder(settings)
                .healthCheck(HealthChecks.database(adapters.records()))
                .closeOnStop(adapters.records())
                .closeOnStop(adapters.leases())
                .closeOnStop(adapters.clusterEvents());
        if (settings.state().kind() == Settings.StateKind.REDIS) {
            builder.healthCheck(HealthChecks.redis(() -> adapters.leases().isReachable() && adapters.clusterEvents().isReachable()));
        }
        return builder.healthCheck(HealthChecks.channels(0)).build();
    }

    /** The adapters of every port this node uses; on failure, those already opened are closed. */
    static Adapters adapters(Settings settings, Clock clock) {
        RecordStore records = recordStore(settings.database(), clock);
        try {
            return switch (settings.state().kind()) {
                case MEMORY -> new Adapters(records, MemoryLeases.create(clock), MemoryClusterEvents.create());
                case REDIS -> redisAdapters(records, settings.redis());
                default -> throw new IllegalStateException("unhandled state kind " + settings.state().kind());
            };
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** The records port for {@code database.kind}. */
    static RecordStore recordStore(Settings.Database database, Clock clock) {
        return switch (database.kind()) {
            case MEMORY -> MemoryRecordStore.create(clock);
            case H2 -> JdbcRecordStore.create(jdbcSettings(database, withH2Options(database.url())), clock);
            case POSTGRES -> JdbcRecordStore.create(jdbcSettings(database, database.url()), clock);
            default -> throw new IllegalStateException("unhandled database kind " + database.kind());
        };
    }

    private static Adapters redisAdapters(RecordStore records, Settings.Redis redis) {
        String uri = redis.uri().orElseThrow(() -> new IllegalStateException("redis.uri is required when state.kind=redis")).reveal();
        Leases leases = RedisLeases.create(uri);
        try {
            return new Adapters(records, leases, RedisClusterEvents.create(uri));
        } catch (RuntimeException e) {
            leases.close();
            throw e;
        }
    }

    private static JdbcSettings jdbcSettings(Settings.Database database, String url) {
        return new JdbcSettings(url, database.user(), database.password().reveal(), database.maxPoolSize(),
                JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * The H2 URL with the durability options of {@link JdbcSettings#H2_OPTIONS} added, except those the operator set
     * in the URL already (an acknowledged contact must survive {@code kill -9}).
     */
    static String withH2Options(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        for (String option : JdbcSettings.H2_OPTIONS.split(";")) {
            if (option.isEmpty()) {
                continue;
            }
            String name = option.substring(0, option.indexOf('=')).toUpperCase(Locale.ROOT);
            if (!upper.contains(";" + name + "=")) {
                result.append(';').append(option);
            }
        }
        return result.toString();
    }
}
