package org.ventanilla.core.adapter.redis;

/** The Redis key and channel prefixes of core's Redis adapters, in one place. */
public final class RedisKeys {

    /** Prefix of the pub/sub channels of cluster events: the channel of topic {@code t} is prefix + t. */
    public static final String DEFAULT_EVENTS_PREFIX = "ventanilla:events:";

    /** Prefix of the lease keys: the key of lease {@code n} is prefix + n. */
    public static final String DEFAULT_LEASES_PREFIX = "ventanilla:lease:";

    private RedisKeys() {
    }
}
