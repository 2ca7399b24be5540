package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WiringTest {

    @Test
    void theH2UrlGetsTheDurabilityOptions() {
        assertThat(Wiring.withH2Options("jdbc:h2:file:./data/ventanilla"))
                .isEqualTo("jdbc:h2:file:./data/ventanilla;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    }

    @Test
    void optionsTheOperatorSetAreKept() {
        assertThat(Wiring.withH2Options("jdbc:h2:file:/srv/ventanilla;lock_timeout=30000"))
                .isEqualTo("jdbc:h2:file:/srv/ventanilla;lock_timeout=30000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }
}
