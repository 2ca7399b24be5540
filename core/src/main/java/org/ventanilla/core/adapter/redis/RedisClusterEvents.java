package org.ventanilla.core.adapter.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.ClusterEvents;

/**
 * Cluster events over Redis pub/sub: one connection subscribes (Lettuce re-subscribes its channels after a
 * reconnect), another publishes. The channel of a topic is the prefix followed by the topic. Handlers run on
 * one dispatch thread of this adapter, in arrival order, never on Lettuce's event loop, so a slow handler
 * cannot stall Redis I/O. While Redis is down, {@link #isReachable()} is false and publish and subscribe
 * return failed stages (UNAVAILABLE); nothing is thrown at the caller or out of a Lettuce callback.
 */
public final class RedisClusterEvents implements ClusterEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RedisClusterEvents.class);

    private final RedisURI uri;
    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final StatefulRedisConnection<String, String> publisher;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ventanilla-redis-cluster-events");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private RedisClusterEvents(RedisURI uri, String prefix, RedisClient client,
            StatefulRedisPubSubConnection<String, String> subscriber, StatefulRedisConnection<String, String> publisher) {
        this.uri = uri;
        this.prefix = prefix;
        this.client = client;
        this.subscriber = subscriber;
        this.publisher = publisher;
    }

    /** Connects with the default channel prefix {@value RedisKeys#DEFAULT_EVENTS_PREFIX}. */
    public static RedisClusterEvents create(String redisUri) {
        return create(redisUri, RedisKeys.DEFAULT_EVENTS_PREFIX);
    }

    /**
     * Connects to Redis; every node of one installation must use the same prefix.
     *
     * @throws VentanillaException INVALID_INPUT for a bad URI or prefix, UNAVAILABLE when Redis cannot be reached
     */
    public static RedisClusterEvents create(String redisUri, String channelPrefix) {
        if (channelPrefix == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "cluster events channel prefix is missing");
        }
        RedisURI uri = RedisConnections.parse(redisUri);
        RedisClient client = RedisConnections.client(uri);
        StatefulRedisPubSubConnection<String, String> subscriber = null;
        try {
            subscriber = client.connectPubSub();
            StatefulRedisConnection<String, String> publisher = client.connect();
            RedisClusterEvents events = new RedisClusterEvents(uri, channelPrefix, client, subscriber, publisher);
            events.listen();
            return events;
        } catch (RedisException e) {
            if (subscriber != null) {
                subscriber.close();
            }
            client.shutdown();
            throw RedisConnections.unreachable("cluster events", uri, e);
        }
    }

    private void listen() {
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                dispatch(channel, message);
            }
        });
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
                if (!closed) {
                    LOG.info("cluster events connected to Redis at {}", RedisConnections.describe(uri));
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (!closed) {
                    LOG.warn("cluster events lost Redis at {}; reconnecting", RedisConnections.describe(uri));
                }
            }
        });
    }

    @Override
    public CompletionStage<Void> publish(String topic, String payload) {
        try {
            ClusterEvents.checkTopic(topic);
            if (payload == null) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "cluster event payload is missing (topic '" + topic + "')");
            }
            requireOpen();
            return publisher.async().publish(prefix + topic, payload)
                    .handle((receivers, failure) -> {
                        if (failure != null) {
                            throw new CompletionException(unavailable("publish on topic '" + topic + "'", failure));
                        }
                        return (Void) null;
                    });
        } catch (VentanillaException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unavailable("publish on topic '" + topic + "'", e));
        }
    }

    @Override
    public CompletionStage<Subscription> subscribe(String topic, Consumer<String> handler) {
        try {
            ClusterEvents.checkTopic(topic);
            if (handler == null) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "cluster event handler is missing (topic '" + topic + "')");
            }
            requireOpen();
        } catch (VentanillaException e) {
            return CompletableFuture.failedFuture(e);
        }
        String name = prefix + topic;
        RedisSubscription subscription = new RedisSubscription(topic, name, handler);
        Channel channel;
        synchronized (lock) {
            channel = channels.get(name);
            if (channel == null) {
                channel = new Channel(serverSubscribe(name));
                channels.put(name, channel);
            }
            channel.handlers.add(subscription);
        }
        Channel subscribed = channel;
        return channel.active.handle((ignored, failure) -> {
            if (failure != null) {
                synchronized (lock) {
                    // A failed SUBSCRIBE never reached the server: forget the channel so that the next call retries.
                    channels.remove(name, subscribed);
                }
                throw new CompletionException(unavailable("subscribe to topic '" + topic + "'", failure));
            }
            return subscription;
        });
    }

    @Override
    public boolean isReachable() {
        return !closed && subscriber.isOpen() && publisher.isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channels.clear();
        dispatcher.shutdown();
        subscriber.close();
        publisher.close();
        client.shutdown();
    }

    private CompletableFuture<Void> serverSubscribe(String name) {
        try {
            return subscriber.async().subscribe(name).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void dispatch(String channelName, String payload) {
        Channel channel = channels.get(channelName);
        if (channel == null) {
            return;
        }
        String topic = channelName.substring(prefix.length());
        try {
            dispatcher.execute(() -> {
                for (RedisSubscription subscription : channel.handlers) {
                    try {
                        subscription.handler.accept(payload);
                    } catch (RuntimeException e) {
                        // The payload may carry personal data: only the topic is logged.
                        LOG.error("cluster event handler failed on topic '{}'", topic, e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("cluster event on topic '{}' dropped: cluster events are closed", topic);
        }
    }

    private CompletionStage<Void> unsubscribe(RedisSubscription subscription) {
        CompletableFuture<Void> serverSide = null;
        synchronized (lock) {
            Channel channel = channels.get(subscription.channelName);
            if (channel != null && channel.handlers.remove(subscription) && channel.handlers.isEmpty()) {
                channels.remove(subscription.channelName);
                if (!closed) {
                    try {
                        serverSide = subscriber.async().unsubscribe(subscription.channelName).toCompletableFuture();
                    } catch (RuntimeException e) {
                        serverSide = CompletableFuture.failedFuture(e);
                    }
                }
            }
        }
        if (serverSide == null) {
            return CompletableFuture.completedFuture(null);
        }
        // Locally the handler is gone already; a channel left subscribed on the server only brings messages
        // that nobody handles, so a failure here is logged and not reported.
        return serverSide.handle((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("UNSUBSCRIBE of topic '{}' failed: {}", subscription.topic, failure.toString());
            }
            return null;
        });
    }

    private void requireOpen() {
        if (closed) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "cluster events are closed");
        }
    }

    private VentanillaException unavailable(String what, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof VentanillaException ventanilla) {
            return ventanilla;
        }
        return RedisConnections.unreachable("cluster events: " + what, uri, cause);
    }

    private static final class Channel {
        private final CompletableFuture<Void> active;
        private final List<RedisSubscription> handlers = new CopyOnWriteArrayList<>();

        private Channel(CompletableFuture<Void> active) {
            this.active = active;
        }
    }

    private final class RedisSubscription implements Subscription {
        private final String topic;
        private final String channelName;
        private final Consumer<String> handler;

        private RedisSubscription(String topic, String channelName, Consumer<String> handler) {
            this.topic = topic;
            this.channelName = channelName;
            this.handler = handler;
        }

        @Override
        public CompletionStage<Void> unsubscribe() {
            return RedisClusterEvents.this.unsubscribe(this);
        }
    }
}
