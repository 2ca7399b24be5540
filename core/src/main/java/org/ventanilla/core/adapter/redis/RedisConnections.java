package org.ventanilla.core.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/** How core's Redis adapters build their Lettuce client: short timeouts, fail fast while disconnected. */
final class RedisConnections {

    /** Longest wait for one command; leases are renewed every ttl/3, so this stays well under a lease's ttl. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private RedisConnections() {
    }

    static RedisURI parse(String redisUri) {
        if (redisUri == null || redisUri.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "Redis URI is missing");
        }
        try {
            RedisURI uri = RedisURI.create(redisUri);
            uri.setTimeout(COMMAND_TIMEOUT);
            return uri;
        } catch (IllegalArgumentException e) {
            // The URI may carry a password: it is never repeated in the message.
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "Redis URI is not valid (expected redis://host:port)", e);
        }
    }

    /**
     * A client that reconnects by itself (Lettuce re-subscribes pub/sub channels on reconnect) and rejects
     * commands while disconnected, so that callers see a failure at once instead of a queue that grows
     * until Redis is back.
     */
    static RedisClient client(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        return client;
    }

    /** Host and port only: never the password that a URI may carry. */
    static String describe(RedisURI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    static VentanillaException unreachable(String what, RedisURI uri, Throwable cause) {
        return new VentanillaException(ErrorCode.UNAVAILABLE, what + ": Redis at " + describe(uri) + " is unreachable", cause);
    }
}
