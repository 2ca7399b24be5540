package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.SkillRequirement;
import org.ventanilla.routing.model.OverflowAction;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.ServiceLevel;

class WiringTest {

    private static final Catalog DEMO = CatalogLoader.demo();
    private static final BusinessCalendar CALENDAR = BusinessCalendar.colombia(Clock.systemUTC());

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

    @Test
    void aCatalogQueueBecomesARoutingQueueWithItsRules() {
        QueueSpec taxes = Wiring.queueSpec(DEMO.queue("impuestos").orElseThrow(), CALENDAR);

        assertThat(taxes.id()).isEqualTo("impuestos");
        assertThat(taxes.skills()).containsExactly(new SkillRequirement("impuestos", 2));
        assertThat(taxes.serviceLevel(Channel.VOICE)).isEqualTo(new ServiceLevel(Duration.ofSeconds(20), 80));
        assertThat(taxes.serviceLevel(Channel.CHAT)).isEqualTo(new ServiceLevel(Duration.ofSeconds(60), 80));
        assertThat(taxes.serviceLevel(Channel.EMAIL)).as("not in the catalog: routing's default")
                .isEqualTo(ServiceLevel.defaultFor(Channel.EMAIL));
        assertThat(taxes.maxSize()).isEqualTo(200);
        assertThat(taxes.maxWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(taxes.overflow()).isEqualTo(OverflowAction.callback());
        SkillRequirement needed = new SkillRequirement("impuestos", 2);
        assertThat(taxes.relaxedLevel(needed, Duration.ofSeconds(59).toMillis())).isEqualTo(2);
        assertThat(taxes.relaxedLevel(needed, Duration.ofSeconds(60).toMillis())).isEqualTo(1);

        assertThat(Wiring.queueSpec(DEMO.queue("danos-y-servicios").orElseThrow(), CALENDAR).overflow())
                .isEqualTo(OverflowAction.toQueue("general"));
        assertThat(Wiring.queueSpec(DEMO.queue("general").orElseThrow(), CALENDAR).overflow())
                .isEqualTo(OverflowAction.deferredCase());
    }

    @Test
    void aRoutingQueueIsOpenInItsHoursOnBusinessDaysOnly() {
        QueueSpec procedures = Wiring.queueSpec(DEMO.queue("tramites").orElseThrow(), CALENDAR);

        assertThat(procedures.openHours().isOpen(ZonedDateTime.parse("2025-03-03T09:00:00-05:00[America/Bogota]").toInstant()))
                .isTrue();
        assertThat(procedures.openHours().isOpen(ZonedDateTime.parse("2025-03-03T18:00:00-05:00[America/Bogota]").toInstant()))
                .isFalse();
        // Monday 2025-03-24, Día de San José: a national holiday
        assertThat(procedures.openHours().isOpen(ZonedDateTime.parse("2025-03-24T09:00:00-05:00[America/Bogota]").toInstant()))
                .isFalse();
    }
}
