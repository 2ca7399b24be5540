package org.ventanilla.core.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class JdbcSettingsTest {

    @Test
    void h2FileSettingsPointIntoTheDirectoryWithDurableCommits() {
        JdbcSettings settings = JdbcSettings.h2File(Path.of("/var/lib/ventanilla/data"));

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:/var/lib/ventanilla/data/ventanilla;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;"
                + "LOCK_TIMEOUT=10000");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:h2:file:/var/lib/ventanilla/data/ventanilla");
        assertThat(settings.maxPoolSize()).isEqualTo(JdbcSettings.DEFAULT_POOL_SIZE);
    }

    @Test
    void passwordAndUrlParametersNeverShowInText() {
        JdbcSettings settings = new JdbcSettings("jdbc:postgresql://ventanilla:s3creto@db.alcaldia.gov.co:5432/ventanilla?password=s3creto",
                "ventanilla", "s3creto", 10, Duration.ofSeconds(3));

        assertThat(settings.toString()).doesNotContain("s3creto").contains("db.alcaldia.gov.co:5432/ventanilla");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db.alcaldia.gov.co:5432/ventanilla");
    }

    @Test
    void badSettingsAreRefusedWithTheValueAndTheLimit() {
        assertThatThrownBy(() -> new JdbcSettings("jdbc:mysql://localhost/x", "u", "", 4, Duration.ofSeconds(1)))
                .isInstanceOf(VentanillaException.class).hasMessageContaining("jdbc:mysql://localhost/x").hasMessageContaining("jdbc:h2:");
        assertThatThrownBy(() -> new JdbcSettings("jdbc:h2:mem:x", "sa", "", 1, Duration.ofSeconds(1)))
                .isInstanceOf(VentanillaException.class).hasMessageContaining("(1)").hasMessageContaining("between 2 and 200");
        assertThatThrownBy(() -> new JdbcSettings("jdbc:h2:mem:x", "sa", "", 4, Duration.ofMillis(100)))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("100 ms").hasMessageContaining("250 ms");
    }
}
