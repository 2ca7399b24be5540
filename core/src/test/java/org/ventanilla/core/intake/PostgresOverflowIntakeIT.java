package org.ventanilla.core.intake;

import java.time.Duration;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.testing.TestServices;

class PostgresOverflowIntakeIT implements OverflowIntakeContract {

    private final Holder holder = new Holder();

    @Override
    public RecordStore newStore() {
        return JdbcRecordStore.create(new JdbcSettings(TestServices.postgresUrlWithFreshSchema(), TestServices.postgresUser(), "",
                12, Duration.ofSeconds(5)));
    }

    @Override
    public Holder holder() {
        return holder;
    }
}
