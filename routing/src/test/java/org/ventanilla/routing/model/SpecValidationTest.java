package org.ventanilla.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.SkillRequirement;

class SpecValidationTest {

    @Test
    void aQueueNeedsASensibleSizeAndBothMaximumWaitAndOverflowOrNeither() {
        invalid(() -> QueueSpec.builder("tramites").maxSize(0).build(), "size limit of queue 'tramites' (0) must be between 1 and 1000000");
        invalid(() -> new QueueSpec("tramites", List.of(), null, null, 10, Duration.ofMinutes(3), null, List.of()),
                "queue 'tramites' needs both a maximum wait and an overflow action, or neither");
        invalid(() -> QueueSpec.builder("tramites").overflowAfter(Duration.ofMinutes(3), OverflowAction.toQueue("tramites")).build(),
                "queue 'tramites' cannot overflow into itself");
        invalid(() -> QueueSpec.builder("tramites").serviceLevel(Channel.VOICE, Duration.ZERO, 80).build(),
                "service-level target (PT0S) must be positive");
    }

    @Test
    void aQueueUsesDefaultServiceLevelsForChannelsNotGiven() {
        QueueSpec queue = QueueSpec.builder("tramites").serviceLevel(Channel.CHAT, Duration.ofSeconds(45), 90).build();

        assertThat(queue.serviceLevel(Channel.CHAT)).isEqualTo(new ServiceLevel(Duration.ofSeconds(45), 90));
        assertThat(queue.serviceLevel(Channel.VOICE)).isEqualTo(new ServiceLevel(Duration.ofSeconds(20), 80));
    }

    @Test
    void relaxationStepsApplyInTimeOrderAndOnlyLower() {
        QueueSpec queue = QueueSpec.builder("catastro")
                .relax(RelaxationStep.drop(Duration.ofSeconds(90), "avaluos"))
                .relax(RelaxationStep.lower(Duration.ofSeconds(30), "avaluos", 5))
                .relax(RelaxationStep.lower(Duration.ofSeconds(60), "avaluos", 8))
                .build();
        SkillRequirement avaluos = new SkillRequirement("avaluos", 7);

        assertThat(queue.relaxedLevel(avaluos, 29_999)).isEqualTo(7);
        assertThat(queue.relaxedLevel(avaluos, 30_000)).isEqualTo(5);
        assertThat(queue.relaxedLevel(avaluos, 60_000)).isEqualTo(5);
        assertThat(queue.relaxedLevel(avaluos, 90_000)).isZero();
        assertThat(queue.relaxedLevel(new SkillRequirement("catastro", 4), 90_000)).isEqualTo(4);
    }

    @Test
    void anAgentsVoiceCapacityIsAtMostOne() {
        invalid(() -> AgentSpec.builder("ana.gomez").capacity(Channel.VOICE, 2).build(),
                "capacity of agent 'ana.gomez' on VOICE (2) must be between 0 and 1");
        invalid(() -> AgentSpec.builder("ana.gomez").skill("catastro", 11).build(),
                "level of skill 'catastro' of agent 'ana.gomez' (11) must be between 1 and 10");
    }

    @Test
    void aWorkItemMergesRepeatedSkillsAndSortsThem() {
        WorkItem item = new WorkItem("chat", "tramites", Channel.CHAT, "tramites.licencias",
                List.of(new SkillRequirement("Movilidad", 2), new SkillRequirement("catastro", 3), new SkillRequirement("movilidad", 5)),
                "ES", 4, Instant.parse("2025-03-04T14:00:00Z"), Duration.ofSeconds(60), null);

        assertThat(item.skills()).containsExactly(new SkillRequirement("catastro", 3), new SkillRequirement("movilidad", 5));
        assertThat(item.language()).isEqualTo("es");
    }

    @Test
    void identifiersThatLookLikePersonalDataAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> AgentSpec.builder("ana.gomez@bogota.gov.co").build())
                .isInstanceOf(VentanillaException.class)
                .hasMessageNotContaining("bogota.gov.co")
                .hasMessage("agent id may only contain letters, digits and . _ : - (value not shown)");
    }

    private static void invalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage(message);
    }
}
