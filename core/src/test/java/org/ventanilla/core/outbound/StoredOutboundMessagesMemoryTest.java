package org.ventanilla.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.port.RecordStore;

class StoredOutboundMessagesMemoryTest implements StoredOutboundMessagesContract {

    @Override
    public RecordStore newStore() {
        return MemoryRecordStore.create();
    }

    @Test
    void retryDelayDoublesUpToItsCap() {
        DeliveryPolicy policy = new DeliveryPolicy(10, Duration.ofSeconds(10), Duration.ofSeconds(50), Duration.ofMinutes(1), 10);

        assertThat(policy.retryDelay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.retryDelay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.retryDelay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.retryDelay(4)).isEqualTo(Duration.ofSeconds(50));
        assertThat(policy.retryDelay(60)).isEqualTo(Duration.ofSeconds(50));
    }
}
