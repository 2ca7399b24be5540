package org.ventanilla.core.outbound;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.port.RecordStore;

class StoredOutboundMessagesH2Test implements StoredOutboundMessagesContract {

    @TempDir
    Path dir;

    private int stores;

    @Override
    public RecordStore newStore() {
        return JdbcRecordStore.create(JdbcSettings.h2File(dir.resolve("db" + stores++)));
    }
}
