package org.ventanilla.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;

class OutboxRelayH2Test implements OutboxRelayContract {

    @TempDir
    Path dir;

    private int stores;

    @Override
    public RecordStore newStore() {
        return JdbcRecordStore.create(JdbcSettings.h2File(dir.resolve("db" + stores++)));
    }

    @Test
    void eventsCommittedBeforeTheNodeStoppedArePublishedAfterItStartsAgain() {
        JdbcSettings settings = JdbcSettings.h2File(dir.resolve("restart"));
        try (RecordStore before = JdbcRecordStore.create(settings)) {
            before.inTransaction(tx -> {
                tx.insert("case", "k-1", "{\"radicado\":\"2026-0000001\"}");
                tx.appendEvent(new OutboxEvent.Draft("case", "k-1", "case.opened", "{}"));
                return null;
            });
        }

        List<String> published = new ArrayList<>();
        try (RecordStore after = JdbcRecordStore.create(settings)) {
            OutboxRelay.create(after, e -> published.add(e.type() + ":" + e.aggregateId()), new RelayOptions()).runOnce();
            assertThat(after.unpublishedEvents(10)).isEmpty();
        }

        assertThat(published).containsExactly("case.opened:k-1");
    }
}
