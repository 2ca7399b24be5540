package org.ventanilla.core.intake;

import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.port.RecordStore;

class MemoryOverflowIntakeTest implements OverflowIntakeContract {

    private final Holder holder = new Holder();

    @Override
    public RecordStore newStore() {
        return MemoryRecordStore.create();
    }

    @Override
    public Holder holder() {
        return holder;
    }
}
