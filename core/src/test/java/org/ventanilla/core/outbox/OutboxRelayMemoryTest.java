package org.ventanilla.core.outbox;

import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.port.RecordStore;

class OutboxRelayMemoryTest implements OutboxRelayContract {

    @Override
    public RecordStore newStore() {
        return MemoryRecordStore.create();
    }
}
