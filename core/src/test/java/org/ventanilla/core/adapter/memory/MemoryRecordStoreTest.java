package org.ventanilla.core.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordStoreContract;

class MemoryRecordStoreTest implements RecordStoreContract {

    @Override
    public RecordStore newStore(Clock clock) {
        return MemoryRecordStore.create(clock);
    }

    @Test
    void closedStoreIsUnreachableAndRefusesWork() {
        RecordStore store = MemoryRecordStore.create();
        store.close();

        assertThat(store.isReachable()).isFalse();
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.get("case", "k-1")))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }
}
