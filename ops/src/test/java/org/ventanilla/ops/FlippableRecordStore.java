package org.ventanilla.ops;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;

/**
 * A records port whose only behaviour is {@link #isReachable()}, switched by the test: the health endpoint's tests
 * are about readiness, not storage (the real adapters run the records contract in core).
 */
final class FlippableRecordStore implements RecordStore {

    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final AtomicBoolean closed = new AtomicBoolean();

    void setReachable(boolean value) {
        reachable.set(value);
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public boolean isReachable() {
        return reachable.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        throw new UnsupportedOperationException("not needed by the health tests");
    }

    @Override
    public long nextInSequence(String name) {
        throw new UnsupportedOperationException("not needed by the health tests");
    }

    @Override
    public List<OutboxEvent> unpublishedEvents(int limit) {
        throw new UnsupportedOperationException("not needed by the health tests");
    }

    @Override
    public void markPublished(List<Long> sequences) {
        throw new UnsupportedOperationException("not needed by the health tests");
    }
}
