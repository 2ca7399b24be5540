package org.ventanilla.core.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboundMessage;
import org.ventanilla.core.port.OutboundMessage.State;
import org.ventanilla.core.port.OutboundMessages;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.RecordTransaction.KeyEntry;
import org.ventanilla.core.port.StoredRecord;

/**
 * Outbound messages kept in the records port: each message is a record of kind {@value #KIND}; a message waiting
 * for delivery also holds a lookup key of kind {@value #PENDING_KEYS}, {@code <channel>/<due millis>/<number>},
 * so that each channel's due messages are listed in order by {@code keysWithPrefix}.
 *
 * <p>Before delivering, a message is claimed in its own transaction (attempts + 1, due again after the claim
 * timeout, optimistic version): two deliverers never both take it, and a deliverer that dies mid-way leaves it
 * to be retried. A driver failure with code UNAVAILABLE (or an unexpected exception) is retried with backoff until
 * {@link DeliveryPolicy#maxAttempts()}; any other code fails the message for good.
 */
public final class StoredOutboundMessages implements OutboundMessages {

    /** Record kind of the messages. */
    public static final String KIND = "outbound";
    /** Key kind of the pending index. */
    public static final String PENDING_KEYS = "outbound.pending";
    /** Sequence that orders messages enqueued at the same instant. */
    public static final String SEQUENCE = "outbound";

    private static final Logger LOG = LoggerFactory.getLogger(StoredOutboundMessages.class);
    private static final int MAX_ERROR_LENGTH = 300;

    private final RecordStore store;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Map<String, OutboundDriver> drivers = new ConcurrentHashMap<>();

    private StoredOutboundMessages(RecordStore store, Clock clock, DeliveryPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    /** Messages in {@code store} with the {@link DeliveryPolicy#DEFAULT} policy. */
    public static StoredOutboundMessages create(RecordStore store, Clock clock) {
        return create(store, clock, DeliveryPolicy.DEFAULT);
    }

    public static StoredOutboundMessages create(RecordStore store, Clock clock, DeliveryPolicy policy) {
        return new StoredOutboundMessages(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public String enqueue(RecordTransaction tx, OutboundMessage message) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(message, "message");
        checkChannel(message.channel());
        String id = UUID.randomUUID().toString();
        long number = store.nextInSequence(SEQUENCE);
        Instant now = clock.instant();
        String key = pendingKey(message.channel(), now, number);
        JsonObject json = toJson(message)
                .put("state", State.PENDING.name())
                .put("attempts", 0)
                .put("number", number)
                .put("enqueuedAt", now.toString())
                .put("pendingKey", key);
        tx.insert(KIND, id, json.encode());
        tx.claimKey(PENDING_KEYS, key, id);
        return id;
    }

    @Override
    public Optional<OutboundMessage.Tracked> find(String id) {
        Objects.requireNonNull(id, "id");
        return store.inTransaction(tx -> tx.get(KIND, id)).map(StoredOutboundMessages::tracked);
    }

    @Override
    public void registerDriver(String channel, OutboundDriver driver) {
        checkChannel(channel);
        drivers.put(channel, Objects.requireNonNull(driver, "driver"));
    }

    @Override
    public synchronized int deliverPending() {
        int delivered = 0;
        for (Map.Entry<String, OutboundDriver> entry : drivers.entrySet()) {
            delivered += deliverChannel(entry.getKey(), entry.getValue());
        }
        return delivered;
    }

    private int deliverChannel(String channel, OutboundDriver driver) {
        Instant now = clock.instant();
        List<KeyEntry> due = store.inTransaction(tx -> tx.keysWithPrefix(PENDING_KEYS, channel + "/", policy.batchSize()));
        int delivered = 0;
        for (KeyEntry entry : due) {
            if (dueAt(entry.key()).isAfter(now)) {
                break;
            }
            Optional<Claim> claim = claim(entry);
            if (claim.isPresent() && attempt(claim.get(), driver)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Takes the message for one attempt, or empty when it is no longer due or another deliverer took it. */
    private Optional<Claim> claim(KeyEntry entry) {
        try {
            return store.inTransaction(tx -> {
                Optional<StoredRecord> stored = tx.get(KIND, entry.id());
                if (stored.isEmpty()) {
                    tx.releaseKey(PENDING_KEYS, entry.key());
                    return Optional.<Claim>empty();
                }
                JsonObject json = new JsonObject(stored.get().json());
                if (!State.PENDING.name().equals(json.getString("state")) || !entry.key().equals(json.getString("pendingKey"))) {
                    return Optional.<Claim>empty();
                }
                int attempts = json.getInteger("attempts") + 1;
                String held = pendingKey(json.getString("channel"), clock.instant().plus(policy.claimTimeout()), json.getLong("number"));
                json.put("attempts", attempts).put("pendingKey", held);
                StoredRecord updated = tx.update(KIND, entry.id(), stored.get().version(), json.encode());
                tx.releaseKey(PENDING_KEYS, entry.key());
                tx.claimKey(PENDING_KEYS, held, entry.id());
                return Optional.of(new Claim(entry.id(), message(json), attempts, updated.version()));
            });
        } catch (VentanillaException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Delivers a claimed message and records the outcome; true when delivered. */
    private boolean attempt(Claim claim, OutboundDriver driver) {
        try {
            driver.deliver(claim.message());
        } catch (VentanillaException e) {
            boolean retry = e.code() == ErrorCode.UNAVAILABLE;
            settleFailure(claim, e.code() + ": " + e.getMessage(), retry, e.code().name());
            return false;
        } catch (RuntimeException e) {
            settleFailure(claim, e.getClass().getSimpleName() + ": " + e.getMessage(), true, e.getClass().getSimpleName());
            return false;
        }
        settle(claim, json -> json.put("state", State.DELIVERED.name()).put("deliveredAt", clock.instant().toString())
                .putNull("pendingKey"), null);
        return true;
    }

    private void settleFailure(Claim claim, String error, boolean retryable, String reason) {
        String lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "..." : error;
        if (retryable && claim.attempts() < policy.maxAttempts()) {
            Instant next = clock.instant().plus(policy.retryDelay(claim.attempts()));
            LOG.warn("Outbound message {} on {} failed ({}), attempt {} of {}; retried at {}", claim.id(), claim.message().channel(),
                    reason, claim.attempts(), policy.maxAttempts(), next);
            settle(claim, json -> json.put("lastError", lastError)
                    .put("pendingKey", pendingKey(json.getString("channel"), next, json.getLong("number"))), next);
        } else {
            LOG.warn("Outbound message {} on {} failed for good ({}) after {} attempt(s)", claim.id(), claim.message().channel(), reason,
                    claim.attempts());
            settle(claim, json -> json.put("state", State.FAILED.name()).put("lastError", lastError).putNull("pendingKey"), null);
        }
    }

    /** Writes the outcome of an attempt: the new state, and the pending key moved (or removed). */
    private void settle(Claim claim, java.util.function.UnaryOperator<JsonObject> change, Instant retryAt) {
        try {
            store.inTransaction(tx -> {
                StoredRecord stored = tx.get(KIND, claim.id()).orElseThrow(() -> new VentanillaException(ErrorCode.NOT_FOUND,
                        "outbound message '" + claim.id() + "' vanished during its delivery"));
                JsonObject json = new JsonObject(stored.json());
                String heldKey = json.getString("pendingKey");
                JsonObject changed = change.apply(json);
                tx.update(KIND, claim.id(), claim.version(), changed.encode());
                if (heldKey != null) {
                    tx.releaseKey(PENDING_KEYS, heldKey);
                }
                String nextKey = changed.getString("pendingKey");
                if (retryAt != null && nextKey != null) {
                    tx.claimKey(PENDING_KEYS, nextKey, claim.id());
                }
                return null;
            });
        } catch (VentanillaException e) {
            // The claim ran out and another deliverer took the message: its outcome stands, ours is dropped.
            LOG.warn("Outcome of outbound message {} not recorded ({}): {}", claim.id(), e.code(), e.getMessage());
        }
    }

    private static OutboundMessage.Tracked tracked(StoredRecord record) {
        JsonObject json = new JsonObject(record.json());
        return new OutboundMessage.Tracked(record.id(), message(json), State.valueOf(json.getString("state")),
                json.getInteger("attempts"), json.getString("lastError"));
    }

    private static JsonObject toJson(OutboundMessage m) {
        return new JsonObject()
                .put("channel", m.channel())
                .put("address", m.address())
                .put("interactionId", m.interactionId())
                .put("subject", m.subject())
                .put("body", m.body())
                .put("answerId", m.answerId())
                .put("answerVersion", m.answerVersion());
    }

    private static OutboundMessage message(JsonObject json) {
        return new OutboundMessage(json.getString("channel"), json.getString("address"), json.getString("interactionId"),
                json.getString("subject"), json.getString("body"), json.getString("answerId"), json.getInteger("answerVersion"));
    }

    static String pendingKey(String channel, Instant due, long number) {
        return channel + "/" + String.format("%015d", Math.max(0, due.toEpochMilli())) + "/" + String.format("%015d", number);
    }

    private static Instant dueAt(String key) {
        int end = key.lastIndexOf('/');
        int start = key.lastIndexOf('/', end - 1);
        return Instant.ofEpochMilli(Long.parseLong(key.substring(start + 1, end)));
    }

    private static void checkChannel(String channel) {
        RecordLimits.kind("channel", channel);
        if (channel.indexOf('/') >= 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "channel '" + channel + "' must not contain '/'");
        }
    }

    private record Claim(String id, OutboundMessage message, int attempts, long version) {
    }
}
