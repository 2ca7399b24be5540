package org.ventanilla.core.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgentProfileTest {

    private static AgentProfile profile() {
        return new AgentProfile("usr-luz-martinez", Map.of("impuestos", 5, "tramites", 3), List.of("es", "en"),
                Set.of("impuestos", "tramites"), ChannelCapacity.DEFAULT);
    }

    @Test
    void theDefaultCapacityShouldBeOneExclusiveCallThreeChatsFiveEmails() {
        assertThat(ChannelCapacity.DEFAULT).isEqualTo(new ChannelCapacity(1, 3, 5, true));
    }

    @Test
    void shouldAnswerAboutSkillsLanguagesAndQueues() {
        AgentProfile profile = profile();

        assertThat(profile.levelOf("impuestos")).isEqualTo(5);
        assertThat(profile.levelOf("juridica")).isZero();
        assertThat(profile.meets(Map.of("impuestos", 4, "tramites", 3))).isTrue();
        assertThat(profile.meets(Map.of("impuestos", 4, "tramites", 4))).isFalse();
        assertThat(profile.meets(Map.of())).isTrue();
        assertThat(profile.speaks("en")).isTrue();
        assertThat(profile.speaks("fr")).isFalse();
        assertThat(profile.isMemberOf("tramites")).isTrue();
        assertThat(profile.isMemberOf("general")).isFalse();
    }

    @Test
    void levelsShouldBeOneToFive() {
        assertThatThrownBy(() -> new AgentProfile("usr-x", Map.of("impuestos", 0), List.of("es"), Set.of(), ChannelCapacity.DEFAULT))
                .hasMessageContaining("skill 'impuestos' of agent 'usr-x' has level 0; allowed 1 to 5");
        assertThatThrownBy(() -> new AgentProfile("usr-x", Map.of("impuestos", 6), List.of("es"), Set.of(), ChannelCapacity.DEFAULT))
                .hasMessageContaining("level 6");
    }

    @Test
    void languagesShouldBeIsoCodesWithoutRepeats() {
        assertThatThrownBy(() -> new AgentProfile("usr-x", Map.of(), List.of(), Set.of(), ChannelCapacity.DEFAULT))
                .hasMessageContaining("no language");
        assertThatThrownBy(() -> new AgentProfile("usr-x", Map.of(), List.of("Español"), Set.of(), ChannelCapacity.DEFAULT))
                .hasMessageContaining("'Español'");
        assertThatThrownBy(() -> new AgentProfile("usr-x", Map.of(), List.of("es", "es"), Set.of(), ChannelCapacity.DEFAULT))
                .hasMessageContaining("twice");
        assertThat(new AgentProfile("usr-x", Map.of(), List.of("es", "pbb"), Set.of(), ChannelCapacity.DEFAULT).speaks("pbb")).isTrue();
    }

    @Test
    void capacitiesShouldStayWithinLimits() {
        assertThatThrownBy(() -> new ChannelCapacity(2, 3, 5, true)).hasMessageContaining("voice capacity (2) must be 0 or 1");
        assertThatThrownBy(() -> new ChannelCapacity(1, 11, 5, true)).hasMessageContaining("chat capacity (11) must be 0 to 10");
        assertThatThrownBy(() -> new ChannelCapacity(1, 3, -1, true)).hasMessageContaining("email capacity (-1)");
    }

    @Test
    void collectionsShouldBeCopied() {
        AgentProfile profile = profile();

        assertThatThrownBy(() -> profile.skills().put("juridica", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> profile.languages().add("fr")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> profile.queues().add("general")).isInstanceOf(UnsupportedOperationException.class);
    }
}
