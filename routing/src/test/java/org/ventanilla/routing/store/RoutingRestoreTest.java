package org.ventanilla.routing.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.routing.api.AgentStateChange;
import org.ventanilla.routing.api.CaseRequest;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.EnqueueRequest;
import org.ventanilla.routing.api.ItemStatus;
import org.ventanilla.routing.api.WorkItemView;
import org.ventanilla.routing.engine.MutableClock;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.AgentSpec;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.MemoryLiveState;

class RoutingRestoreTest {

    private static final QueueSpec TRAMITES = QueueSpec.builder("tramites").build();
    private static final AgentSpec VALENTINA = AgentSpec.builder("valentina.munoz").queues("tramites").teams("obras")
            .languages("es").capacity(Channel.CHAT, 2).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T14:00:00Z"), ZoneId.of("America/Bogota"));
    private RecordStore store;
    private StoredRoutingEvents history;

    @AfterEach
    void close() {
        history.close();
        store.close();
    }

    @Test
    void afterARestartWaitingItemsAreBackInOrderAndOfferedOnesWaitAgain() {
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        history = StoredRoutingEvents.create(store, "nodo-1");
        RoutingEngine before = engine();
        Instant[] arrivals = new Instant[5];
        for (int i = 1; i <= 4; i++) {
            arrivals[i] = clock.instant();
            enqueue(before, "int-" + i);
            clock.advance(Duration.ofSeconds(10));
        }
        before.defineAgent(VALENTINA);
        before.setAgentState(AgentStateChange.available("valentina.munoz"));
        before.accept("int-1", "valentina.munoz");
        before.complete("int-1", "valentina.munoz");
        before.abandon("int-4");
        assertThat(before.item("int-2").orElseThrow().status()).isEqualTo(ItemStatus.OFFERED);
        history.close();
        store.close();

        clock.advance(Duration.ofMinutes(2));
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        history = StoredRoutingEvents.create(store, "nodo-1");
        RoutingEngine after = engine();
        RoutingRestore.Result result = new RoutingRestore(history, clock, RoutingRestore.DEFAULT_LOOKBACK)
                .restore(after, id -> id.equals("tramites") ? Optional.of(TRAMITES) : Optional.empty());

        assertThat(after.waiting("tramites")).extracting(WorkItemView::itemId).containsExactly("int-2", "int-3");
        assertThat(after.waiting("tramites")).extracting(WorkItemView::arrivedAt).containsExactly(arrivals[2], arrivals[3]);
        assertThat(after.waiting("tramites")).extracting(WorkItemView::status).containsOnly(ItemStatus.WAITING);
        assertThat(after.waiting("tramites")).extracting(WorkItemView::priority).containsOnly(3);
        assertThat(result.requeued()).hasSize(2);
        assertThat(result.skipped()).isZero();
    }

    @Test
    void openCasesGoBackToTheirTeamWithTheirAssignee() {
        store = JdbcRecordStore.create(JdbcSettings.h2File(dir));
        history = StoredRoutingEvents.create(store, "nodo-1");
        RoutingEngine before = engine();
        before.defineAgent(VALENTINA);
        Instant now = clock.instant();
        addCase(before, new CaseRequest("2025-0000101", "obras", "obras.huecos", now, now.plus(Duration.ofDays(15))));
        addCase(before, new CaseRequest("2025-0000102", "obras", "obras.huecos", now, now.plus(Duration.ofDays(10))));
        addCase(before, new CaseRequest("2025-0000103", "obras", "obras.huecos", now, now.plus(Duration.ofDays(5))));
        before.claimCase("2025-0000101", "valentina.munoz");
        before.closeCase("2025-0000103");
        history.flush().join();

        RoutingEngine after = engine();
        after.defineAgent(VALENTINA);
        new RoutingRestore(history, clock, RoutingRestore.DEFAULT_LOOKBACK).restore(after, id -> Optional.of(TRAMITES));

        assertThat(after.workList("obras")).extracting(c -> c.caseId() + "@" + c.assigneeId())
                .containsExactly("2025-0000102@null", "2025-0000101@valentina.munoz");
    }

    private void addCase(RoutingEngine engine, CaseRequest request) {
        history.caseRequested(request);
        engine.addCase(request);
    }

    private RoutingEngine engine() {
        RoutingEngine engine = RoutingEngine.create(RoutingSettings.DEFAULTS, new MemoryLiveState(), history, clock);
        engine.defineQueue(TRAMITES);
        return engine;
    }

    private void enqueue(RoutingEngine engine, String itemId) {
        EnqueueRequest request = new EnqueueRequest(itemId, "tramites", Channel.CHAT, "tramites.licencias", List.of(), "es", 3);
        history.itemRequested(request);
        engine.enqueue(request);
    }
}
