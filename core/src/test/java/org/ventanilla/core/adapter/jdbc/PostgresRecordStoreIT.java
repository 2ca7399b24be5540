package org.ventanilla.core.adapter.jdbc;

import java.time.Clock;
import java.time.Duration;

import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordStoreContract;
import org.ventanilla.core.testing.TestServices;

class PostgresRecordStoreIT implements RecordStoreContract {

    @Override
    public RecordStore newStore(Clock clock) {
        JdbcSettings settings = new JdbcSettings(TestServices.postgresUrlWithFreshSchema(), TestServices.postgresUser(), "", 8,
                Duration.ofSeconds(5));
        return JdbcRecordStore.create(settings, clock);
    }
}
