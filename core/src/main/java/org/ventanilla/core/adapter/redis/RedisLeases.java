package org.ventanilla.core.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Leases;

/**
 * Leases in Redis: one key per lease holding the holder's name with a PX expiry, so Redis itself lets a
 * lease lapse when its holder stops renewing. Acquire is {@code SET NX PX}; renew and release are Lua
 * scripts that compare the holder first, so only the holder extends or deletes its lease. Commands time out
 * after {@link RedisConnections#COMMAND_TIMEOUT} and fail at once while disconnected (UNAVAILABLE).
 */
public final class RedisLeases implements Leases {

    /** KEYS[1] lease key, ARGV[1] holder, ARGV[2] ttl in milliseconds; 1 when extended. */
    static final String RENEW_SCRIPT = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;

    /** KEYS[1] lease key, ARGV[1] holder; 1 when deleted. */
    static final String RELEASE_SCRIPT = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisURI uri;
    private final String keyPrefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    private RedisLeases(RedisURI uri, String keyPrefix, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.uri = uri;
        this.keyPrefix = keyPrefix;
        this.client = client;
        this.connection = connection;
    }

    /** Connects with the default key prefix {@value RedisKeys#DEFAULT_LEASES_PREFIX}. */
    public static RedisLeases create(String redisUri) {
        return create(redisUri, RedisKeys.DEFAULT_LEASES_PREFIX);
    }

    /**
     * Connects to Redis; every node of one installation must use the same prefix.
     *
     * @throws VentanillaException INVALID_INPUT for a bad URI or prefix, UNAVAILABLE when Redis cannot be reached
     */
    public static RedisLeases create(String redisUri, String keyPrefix) {
        if (keyPrefix == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "lease key prefix is missing");
        }
        RedisURI uri = RedisConnections.parse(redisUri);
        RedisClient client = RedisConnections.client(uri);
        try {
            return new RedisLeases(uri, keyPrefix, client, client.connect());
        } catch (RedisException e) {
            client.shutdown();
            throw RedisConnections.unreachable("leases", uri, e);
        }
    }

    @Override
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        check(name, holder, ttl);
        try {
            String reply = commands().set(keyPrefix + name, holder, SetArgs.Builder.nx().px(ttl.toMillis()));
            // Not set: someone holds it, perhaps us; the renew script takes it only in that case.
            return "OK".equals(reply) || renewHeld(name, holder, ttl);
        } catch (RedisException e) {
            throw RedisConnections.unreachable("lease '" + name + "'", uri, e);
        }
    }

    @Override
    public boolean renew(String name, String holder, Duration ttl) {
        check(name, holder, ttl);
        try {
            return renewHeld(name, holder, ttl);
        } catch (RedisException e) {
            throw RedisConnections.unreachable("lease '" + name + "'", uri, e);
        }
    }

    @Override
    public void release(String name, String holder) {
        requireOpen();
        Leases.checkName("name", name);
        Leases.checkName("holder", holder);
        try {
            commands().<Long>eval(RELEASE_SCRIPT, ScriptOutputType.INTEGER, new String[] {keyPrefix + name}, holder);
        } catch (RedisException e) {
            throw RedisConnections.unreachable("lease '" + name + "'", uri, e);
        }
    }

    @Override
    public Optional<String> holder(String name) {
        requireOpen();
        Leases.checkName("name", name);
        try {
            return Optional.ofNullable(commands().get(keyPrefix + name));
        } catch (RedisException e) {
            throw RedisConnections.unreachable("lease '" + name + "'", uri, e);
        }
    }

    @Override
    public boolean isReachable() {
        return !closed && connection.isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection.close();
        client.shutdown();
    }

    private boolean renewHeld(String name, String holder, Duration ttl) {
        Long extended = commands().eval(RENEW_SCRIPT, ScriptOutputType.INTEGER, new String[] {keyPrefix + name},
                holder, Long.toString(ttl.toMillis()));
        return extended != null && extended == 1L;
    }

    private RedisCommands<String, String> commands() {
        return connection.sync();
    }

    private void check(String name, String holder, Duration ttl) {
        requireOpen();
        Leases.checkName("name", name);
        Leases.checkName("holder", holder);
        Leases.checkTtl(ttl);
    }

    private void requireOpen() {
        if (closed) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "leases are closed");
        }
    }
}
