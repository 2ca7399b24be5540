package org.ventanilla.core.lease;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.ventanilla.core.adapter.redis.RedisLeases;

/**
 * One node of {@link LeaseTakeoverIT}, run in its own JVM: keeps a lease on Redis and prints {@code READY},
 * {@code LEADER} and {@code LOST} lines with its node name. It stops when its standard input closes (so it
 * never outlives the test) or when killed.
 *
 * <p>Arguments: redis URI, key prefix, lease name, node name, ttl in milliseconds.
 */
public final class LeaseKeeperMain {

    private LeaseKeeperMain() {
    }

    public static void main(String[] args) throws IOException {
        String redisUri = args[0];
        String prefix = args[1];
        String leaseName = args[2];
        String node = args[3];
        Duration ttl = Duration.ofMillis(Long.parseLong(args[4]));
        try (RedisLeases leases = RedisLeases.create(redisUri, prefix)) {
            say("READY " + node);
            try (LeaseKeeper keeper = LeaseKeeper.builder(leases, leaseName, node)
                    .ttl(ttl)
                    .onAcquired(() -> say("LEADER " + node))
                    .onLost(() -> say("LOST " + node))
                    .start()) {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // Only waiting for the end of the input.
                    continue;
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
