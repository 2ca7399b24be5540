package org.ventanilla.ops.metrics;

/** Meter and tag names defined by the ops module (Vert.x and the JVM binders name their own). */
public final class MeterNames {

    /** The tag every meter of a node carries: its {@code node.id}. */
    public static final String TAG_NODE = "node";

    /** 1 for the running node, with its version as a tag: lets dashboards count nodes and spot mixed versions. */
    public static final String INFO = "ventanilla.info";

    /** The tag with the build version on {@link #INFO}. */
    public static final String TAG_VERSION = "version";

    private MeterNames() {
    }
}
