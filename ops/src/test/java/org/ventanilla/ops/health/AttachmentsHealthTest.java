package org.ventanilla.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentsHealthTest {

    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    void aFullAttachmentsDiskMakesTheNodeNotReadyWithAClearMessage() {
        Health health = new Health(vertx, List.of(HealthChecks.attachments(dir, () -> 10_000L)));

        HealthReport report = health.report().await();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get("attachments").detail()).contains("disk is full").contains("10000 bytes free");
    }

    @Test
    void anAttachmentsFolderThatCannotBeWrittenMakesTheNodeNotReady() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");

        HealthReport report = new Health(vertx, List.of(HealthChecks.attachments(notAFolder.resolve("sub"),
                HealthChecks.usableSpace(dir)))).report().await();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get("attachments").detail()).contains("not writable");
    }

    @Test
    void aWritableFolderWithSpaceIsReady() {
        HealthReport report = new Health(vertx, List.of(HealthChecks.attachments(dir, HealthChecks.usableSpace(dir))))
                .report().await();

        assertThat(report.ready()).isTrue();
        assertThat(report.checks().get("attachments").detail()).contains("MiB free");
    }
}
