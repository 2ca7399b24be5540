package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;

/** The message store: places and idempotency, also with two nodes (two stores with their own caches) writing at once. */
class ChatStoreTest {

    private final MemoryRecordStore records = MemoryRecordStore.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() {
        pool.shutdownNow();
        records.close();
    }

    @Test
    void twoNodesWritingToOneChatAtOnceGetDistinctConsecutivePlaces() throws Exception {
        ChatStore nodeA = new ChatStore(records, Clock.systemUTC());
        ChatStore nodeB = new ChatStore(records, Clock.systemUTC());
        nodeA.createChat("chat-1", SessionTokens.digest(SessionTokens.newToken()), new JsonObject());
        List<Callable<ChatStore.Appended>> work = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ChatStore node = i % 2 == 0 ? nodeA : nodeB;
            String from = i % 2 == 0 ? "citizen" : "agent";
            String cid = "m-" + i;
            work.add(() -> node.append("chat-1", from, "text", "mensaje " + cid, cid, null));
        }
        List<Long> places = new ArrayList<>();
        for (Future<ChatStore.Appended> f : pool.invokeAll(work)) {
            assertThat(f.get().duplicate()).isFalse();
            places.add(f.get().message().seq());
        }
        assertThat(places).doesNotHaveDuplicates().hasSize(200);
        assertThat(nodeB.messagesAfter("chat-1", 0)).extracting(ChatMessage::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void theSameMessageSentConcurrentlyToTwoNodesIsStoredOnce() throws Exception {
        ChatStore nodeA = new ChatStore(records, Clock.systemUTC());
        ChatStore nodeB = new ChatStore(records, Clock.systemUTC());
        nodeA.createChat("chat-2", SessionTokens.digest(SessionTokens.newToken()), new JsonObject());
        List<Callable<ChatStore.Appended>> work = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ChatStore node = i % 2 == 0 ? nodeA : nodeB;
            work.add(() -> node.append("chat-2", "citizen", "text", "Calle 45 # 20-11", "c-1", null));
        }
        List<ChatStore.Appended> results = new ArrayList<>();
        for (Future<ChatStore.Appended> f : pool.invokeAll(work)) {
            results.add(f.get());
        }
        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(results).extracting(r -> r.message().seq()).containsOnly(1L);
        assertThat(nodeA.messagesAfter("chat-2", 0)).hasSize(1);
    }

    @Test
    void theSameMessageIdFromTheOtherSideIsAnotherMessage() {
        ChatStore store = new ChatStore(records, Clock.systemUTC());
        store.createChat("chat-3", SessionTokens.digest(SessionTokens.newToken()), new JsonObject());
        assertThat(store.append("chat-3", "citizen", "text", "hola", "1", null).duplicate()).isFalse();
        assertThat(store.append("chat-3", "agent", "text", "hola", "1", null).duplicate()).isFalse();
        assertThat(store.messagesAfter("chat-3", 1)).extracting(ChatMessage::from).containsExactly("agent");
    }

    @Test
    void aSessionIsFoundByItsTokenOnlyAndTheTokenItselfIsNotStored() {
        ChatStore store = new ChatStore(records, Clock.systemUTC());
        String token = SessionTokens.newToken();
        store.createChat("chat-4", SessionTokens.digest(token), new JsonObject().put("topic", "general"));
        assertThat(store.findByToken(SessionTokens.digest(token))).map(c -> c.getString("chatId")).contains("chat-4");
        assertThat(store.findByToken(SessionTokens.digest(SessionTokens.newToken()))).isEmpty();
        assertThat(store.chat("chat-4").orElseThrow().encode()).doesNotContain(token);
    }
}
