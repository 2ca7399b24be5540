package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Routing of chats inside one node, first come first served, to the signed-on agent with the most spare
 * capacity; a declined chat keeps its place and is not offered again to the same agent while another one could
 * take it. Stands in until routing's own engine is wired through its api package.
 */
public final class LocalChatRouting implements ChatRouting {

    /** Estimated handling time per chat ahead, for the wait estimate. */
    private static final long SECONDS_PER_CHAT = 60;

    private final LinkedHashMap<String, Waiting> queue = new LinkedHashMap<>();
    private final Map<String, Agent> agents = new HashMap<>();

    @Override
    public synchronized Future<Void> enqueue(ChatWork work) {
        queue.putIfAbsent(work.chatId(), new Waiting(work));
        dispatch();
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> abandon(String chatId) {
        Waiting w = queue.remove(chatId);
        if (w != null && w.offeredTo != null) {
            Agent a = agents.get(w.offeredTo);
            if (a != null) {
                a.offered.remove(chatId);
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> accept(String chatId, String agentId) {
        Waiting w = queue.get(chatId);
        Agent a = agents.get(agentId);
        if (w == null || a == null || !agentId.equals(w.offeredTo)) {
            return Future.failedFuture(new VentanillaException(ErrorCode.CONFLICT,
                    "chat " + chatId + " is not offered to agent " + agentId));
        }
        queue.remove(chatId);
        a.offered.remove(chatId);
        a.active.add(chatId);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> decline(String chatId, String agentId) {
        Waiting w = queue.get(chatId);
        Agent a = agents.get(agentId);
        if (w != null && agentId.equals(w.offeredTo)) {
            w.offeredTo = null;
            w.declinedBy.add(agentId);
        }
        if (a != null) {
            a.offered.remove(chatId);
        }
        dispatch();
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> complete(String chatId, String agentId) {
        Agent a = agents.get(agentId);
        if (a != null) {
            a.active.remove(chatId);
        }
        dispatch();
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> transfer(String chatId, String agentId, String queueName) {
        Agent a = agents.get(agentId);
        if (a == null || !a.active.remove(chatId)) {
            return Future.failedFuture(new VentanillaException(ErrorCode.CONFLICT,
                    "chat " + chatId + " is not held by agent " + agentId));
        }
        Waiting w = new Waiting(new ChatWork(chatId, queueName, null, null, 5));
        w.declinedBy.add(agentId);
        queue.put(chatId, w);
        dispatch();
        return Future.succeededFuture();
    }

    @Override
    public synchronized void signOn(String agentId, int capacity, OfferListener listener) {
        Agent a = agents.computeIfAbsent(agentId, id -> new Agent());
        a.capacity = capacity;
        a.listener = listener;
        dispatch();
    }

    @Override
    public synchronized void signOff(String agentId) {
        Agent a = agents.get(agentId);
        if (a != null) {
            // the chats the agent holds stay theirs (they may come back); offers in flight go back to the queue
            a.listener = null;
            for (String chatId : a.offered) {
                Waiting w = queue.get(chatId);
                if (w != null) {
                    w.offeredTo = null;
                }
            }
            a.offered.clear();
        }
        dispatch();
    }

    @Override
    public synchronized Optional<Position> position(String chatId) {
        int place = 0;
        for (Waiting w : queue.values()) {
            place++;
            if (w.work.chatId().equals(chatId)) {
                int free = 0;
                for (Agent a : agents.values()) {
                    free += a.listener == null ? 0 : a.capacity;
                }
                long estimate = free == 0 ? place * SECONDS_PER_CHAT : (place * SECONDS_PER_CHAT) / Math.max(1, free);
                return Optional.of(new Position(place, estimate));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Map<String, Position> positions(java.util.Collection<String> chatIds) {
        java.util.Set<String> wanted = new HashSet<>(chatIds);
        int free = 0;
        for (Agent a : agents.values()) {
            free += a.listener == null ? 0 : a.capacity;
        }
        Map<String, Position> out = new HashMap<>();
        int place = 0;
        for (Waiting w : queue.values()) {
            place++;
            if (wanted.contains(w.work.chatId())) {
                long estimate = free == 0 ? place * SECONDS_PER_CHAT : (place * SECONDS_PER_CHAT) / Math.max(1, free);
                out.put(w.work.chatId(), new Position(place, estimate));
            }
        }
        return out;
    }

    private void dispatch() {
        List<Runnable> offers = new ArrayList<>();
        for (Waiting w : queue.values()) {
            if (w.offeredTo != null) {
                continue;
            }
            Agent best = null;
            String bestId = null;
            for (Map.Entry<String, Agent> e : agents.entrySet()) {
                Agent a = e.getValue();
                if (a.listener == null) {
                    continue;
                }
                int spare = a.capacity - a.active.size() - a.offered.size();
                if (spare <= 0) {
                    continue;
                }
                boolean declined = w.declinedBy.contains(e.getKey());
                if (best == null || betterThan(a, declined, best, w.declinedBy.contains(bestId))) {
                    best = a;
                    bestId = e.getKey();
                }
            }
            if (best == null) {
                continue;
            }
            if (w.declinedBy.contains(bestId) && signedOn() > 1) {
                // only agents who declined it are free: wait for another one rather than offering it again
                continue;
            }
            w.offeredTo = bestId;
            best.offered.add(w.work.chatId());
            OfferListener listener = best.listener;
            ChatWork work = w.work;
            offers.add(() -> listener.offer(work));
        }
        offers.forEach(Runnable::run);
    }

    private int signedOn() {
        int n = 0;
        for (Agent a : agents.values()) {
            if (a.listener != null) {
                n++;
            }
        }
        return n;
    }

    private static boolean betterThan(Agent a, boolean aDeclined, Agent b, boolean bDeclined) {
        if (aDeclined != bDeclined) {
            return !aDeclined;
        }
        return a.capacity - a.active.size() - a.offered.size() > b.capacity - b.active.size() - b.offered.size();
    }

    private static final class Waiting {
        private final ChatWork work;
        private final Set<String> declinedBy = new HashSet<>();
        private String offeredTo;

        Waiting(ChatWork work) {
            this.work = work;
        }
    }

    private static final class Agent {
        private int capacity;
        private OfferListener listener;
        private final Set<String> offered = new HashSet<>();
        private final Set<String> active = new HashSet<>();
    }
}
