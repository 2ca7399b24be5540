package org.ventanilla.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.UUID;

/**
 * The node's meter registry (Prometheus), with the JVM meters bound and the factory that makes Vert.x report its
 * own meters (HTTP server requests, event bus, pools) into the same registry. Every meter carries a {@code node} tag.
 */
public final class Metrics implements AutoCloseable {

    /** The content type of the Prometheus text exposition format, version 0.0.4. */
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final String vertxRegistryName;

    private Metrics(String nodeId) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(MeterNames.TAG_NODE, nodeId);
        new JvmMemoryMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // Vert.x keeps backend registries in a static map by name: a unique name keeps two servers in one JVM (tests) apart
        this.vertxRegistryName = "ventanilla-" + UUID.randomUUID();
    }

    /** A registry for node {@code nodeId} with the JVM meters bound. */
    public static Metrics create(String nodeId) {
        return new Metrics(nodeId);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The factory to give {@code Vertx.builder().withMetrics(...)}. */
    public VertxMetricsFactory vertxMetricsFactory() {
        return new MicrometerMetricsFactory(registry);
    }

    /** The metrics options to give {@code VertxOptions.setMetricsOptions(...)}: enabled, JVM meters bound here instead. */
    public MicrometerMetricsOptions vertxMetricsOptions() {
        return new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(false)
                .setRegistryName(vertxRegistryName);
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
