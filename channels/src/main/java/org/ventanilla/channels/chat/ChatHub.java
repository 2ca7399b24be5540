package org.ventanilla.channels.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.port.ClusterEvents;

/**
 * Carries the messages and signals of a chat to every connection of that chat on every node, through the
 * cluster-events port (one topic per chat, subscribed while this node has a connection of the chat).
 *
 * <p>Cluster events are best effort, so they only say "something new"; each {@link Listener} keeps the last
 * place it delivered and reads any gap from the store, so its connection gets every message once and in order,
 * also after it resumed from an older place.
 */
final class ChatHub {

    private static final Logger LOG = LoggerFactory.getLogger(ChatHub.class);

    private final Vertx vertx;
    private final ClusterEvents events;
    private final ChatStore store;
    private final String topicPrefix;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    ChatHub(Vertx vertx, ClusterEvents events, ChatStore store, String topicPrefix) {
        this.vertx = vertx;
        this.events = events;
        this.store = store;
        this.topicPrefix = topicPrefix;
    }

    /** Announces a stored message to every node. */
    Future<Void> publish(ChatMessage message) {
        return send(message.chatId(), new JsonObject().put("t", "msg").put("m", message.toJson()));
    }

    /** Passes a signal (typing, delivered, read, queue position) that is not stored. */
    Future<Void> signal(String chatId, JsonObject signal) {
        return send(chatId, new JsonObject().put("t", "sig").put("s", signal));
    }

    private Future<Void> send(String chatId, JsonObject payload) {
        return Future.fromCompletionStage(events.publish(topicPrefix + chatId, payload.encode()))
                .recover(e -> {
                    // best effort by contract: a lost event is caught up from the store on the next one or on resume
                    LOG.warn("chat event of chat {} was not published: {}", chatId, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /**
     * Starts delivering the chat to {@code sink} on {@code context}, from the message after {@code afterSeq}; the
     * missing messages are read from the store once the subscription is active, so nothing falls in between.
     */
    Future<Listener> listen(String chatId, long afterSeq, Context context, Sink sink) {
        Listener listener = new Listener(chatId, afterSeq, context, sink);
        Topic topic = topics.computeIfAbsent(chatId, Topic::new);
        topic.listeners.add(listener);
        return topic.ready().map(v -> {
            context.runOnContext(v2 -> listener.catchUp());
            return listener;
        });
    }

    private void dispatch(String chatId, String payload) {
        Topic topic = topics.get(chatId);
        if (topic == null) {
            return;
        }
        JsonObject json;
        try {
            json = new JsonObject(payload);
        } catch (RuntimeException e) {
            LOG.warn("chat event of chat {} is not valid JSON; dropped", chatId);
            return;
        }
        if ("msg".equals(json.getString("t"))) {
            ChatMessage m = ChatMessage.fromJson(json.getJsonObject("m"));
            for (Listener l : topic.listeners) {
                l.context.runOnContext(v -> l.offer(m));
            }
        } else {
            JsonObject s = json.getJsonObject("s");
            for (Listener l : topic.listeners) {
                l.context.runOnContext(v -> l.sink.signal(s));
            }
        }
    }

    /** Where a listener delivers. Called on the listener's context. */
    interface Sink {
        void message(ChatMessage message);

        void signal(JsonObject signal);
    }

    /** Subscription of this node to one chat's topic, shared by its local listeners. */
    private final class Topic {
        private final String chatId;
        private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
        private Future<ClusterEvents.Subscription> subscription;

        Topic(String chatId) {
            this.chatId = chatId;
        }

        synchronized Future<Void> ready() {
            if (subscription == null) {
                subscription = Future.fromCompletionStage(events.subscribe(topicPrefix + chatId, p -> dispatch(chatId, p)));
                subscription.onFailure(e -> {
                    synchronized (this) {
                        subscription = null;
                    }
                });
            }
            return subscription.mapEmpty();
        }

        synchronized void remove(Listener l) {
            listeners.remove(l);
            if (listeners.isEmpty() && topics.remove(chatId, this) && subscription != null) {
                subscription.onSuccess(ClusterEvents.Subscription::unsubscribe);
            }
        }
    }

    /** Delivery of one chat to one connection: once each, in order. Runs on its connection's context only. */
    final class Listener {
        private final String chatId;
        private final Context context;
        private final Sink sink;
        private long lastDelivered;
        private boolean catchingUp;
        private boolean closed;
        private final List<ChatMessage> pending = new ArrayList<>();

        Listener(String chatId, long afterSeq, Context context, Sink sink) {
            this.chatId = chatId;
            this.lastDelivered = afterSeq;
            this.context = context;
            this.sink = sink;
        }

        String chatId() {
            return chatId;
        }

        long lastDelivered() {
            return lastDelivered;
        }

        /** A message announced by the cluster, or just stored on this node. */
        void offer(ChatMessage m) {
            if (closed || m.seq() <= lastDelivered) {
                return;
            }
            if (catchingUp) {
                pending.add(m);
            } else if (m.seq() == lastDelivered + 1) {
                deliver(m);
            } else {
                catchUp();
            }
        }

        /** Reads what came after the last delivered message from the store and delivers it. */
        void catchUp() {
            if (closed || catchingUp) {
                return;
            }
            catchingUp = true;
            long from = lastDelivered;
            Promise<List<ChatMessage>> read = Promise.promise();
            vertx.executeBlocking(() -> store.messagesAfter(chatId, from), false).onComplete(read);
            read.future().onComplete(ar -> {
                catchingUp = false;
                if (closed) {
                    return;
                }
                if (ar.failed()) {
                    LOG.warn("chat {} could not be caught up from the store: {}", chatId, ar.cause().getMessage());
                    pending.clear();
                    return;
                }
                for (ChatMessage m : ar.result()) {
                    if (m.seq() > lastDelivered) {
                        deliver(m);
                    }
                }
                List<ChatMessage> later = new ArrayList<>(pending);
                pending.clear();
                for (ChatMessage m : later) {
                    offer(m);
                }
            });
        }

        private void deliver(ChatMessage m) {
            lastDelivered = m.seq();
            sink.message(m);
        }

        void close() {
            closed = true;
            Topic topic = topics.get(chatId);
            if (topic != null) {
                topic.remove(this);
            }
        }
    }
}
