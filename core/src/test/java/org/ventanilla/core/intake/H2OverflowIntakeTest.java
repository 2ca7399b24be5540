package org.ventanilla.core.intake;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.RecordStore;

class H2OverflowIntakeTest implements OverflowIntakeContract {

    @TempDir
    Path dir;

    private final Holder holder = new Holder();

    @Override
    public RecordStore newStore() {
        return JdbcRecordStore.create(JdbcSettings.h2File(dir));
    }

    @Override
    public Holder holder() {
        return holder;
    }
}
