package org.ventanilla.core.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsentAndAuditTest {

    private static final Instant AT = Instant.parse("2025-03-03T14:05:00Z");

    @Test
    void aConsentRecordShouldKeepNoticeChannelAndEvidence() {
        ConsentRecord consent = new ConsentRecord("cit-1020304050", "2025-01", AT, "voice", "grabacion int-000123 00:00:12-00:00:31", true);

        assertThat(consent.granted()).isTrue();
        assertThat(consent.noticeVersion()).isEqualTo("2025-01");
        assertThat(consent.toString()).doesNotContain("1020304050").contains("******4050").doesNotContain("grabacion");
    }

    @Test
    void aConsentRecordWithoutEvidenceOrWithABadChannelShouldBeRefused() {
        assertThatThrownBy(() -> new ConsentRecord("cit-1", "2025-01", AT, "voice", " ", true)).hasMessageContaining("evidence");
        assertThatThrownBy(() -> new ConsentRecord("cit-1", "2025-01", AT, "Teléfono", "x", true)).hasMessageContaining("'Teléfono'");
        assertThatThrownBy(() -> new ConsentRecord(null, "2025-01", AT, "voice", "x", true)).hasMessageContaining("citizen id");
        assertThatThrownBy(() -> new ConsentRecord("cit-1", "", AT, "voice", "x", true)).hasMessageContaining("notice version");
    }

    @Test
    void everyReadShouldNeedAReason() {
        assertThatThrownBy(() -> new AuditEntry("usr-ana-gomez", "cit-1020304050", AT, "  ", "vista unificada"))
                .hasMessageContaining("every read needs a reason");
        assertThatThrownBy(() -> new AuditEntry("usr-ana-gomez", "cit-1020304050", AT, "atender llamada", ""))
                .hasMessageContaining("what was read");
        assertThatThrownBy(() -> new AuditEntry("", "cit-1020304050", AT, "atender llamada", "vista")).hasMessageContaining("staff user");
    }

    @Test
    void anAuditEntryShouldPrintWithoutPersonalData() {
        AuditEntry entry = new AuditEntry("usr-ana-gomez", "cit-1020304050", AT, "atender llamada de Pedro Pérez",
                "historial de contactos");

        assertThat(entry.toString()).contains("usr-ana-gomez").contains("******4050").contains("historial de contactos")
                .doesNotContain("1020304050").doesNotContain("Pedro");
    }
}
