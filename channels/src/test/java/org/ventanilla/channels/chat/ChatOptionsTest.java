package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The chat's settings: defaults, JSON, and bad values refused with the key, the value and what is allowed. */
class ChatOptionsTest {

    @Test
    void settingsSurviveTheirJsonFormButAgentTokensAreNeverWrittenOut() {
        ChatOptions options = new ChatOptions().setMaxFrameChars(4096).setSessionRate(2, 4).setIdleTimeout(Duration.ofMinutes(3))
                .addAllowedOrigin("https://www.medellin.gov.co").addTestAgent("token-secreto-de-prueba-01", "ana", "Ana María Pérez");
        JsonObject json = options.toJson();
        assertThat(json.encode()).doesNotContain("token-secreto-de-prueba-01");
        ChatOptions back = new ChatOptions(json);
        assertThat(back.getMaxFrameChars()).isEqualTo(4096);
        assertThat(back.getSessionRate()).isEqualTo(2.0);
        assertThat(back.getSessionBurst()).isEqualTo(4);
        assertThat(back.getIdleTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(back.getAllowedOrigins()).containsExactly("https://www.medellin.gov.co");
        assertThat(new ChatOptions().getMaxTextChars()).isEqualTo(ChatOptions.DEFAULT_MAX_TEXT_CHARS);
    }

    @Test
    void badValuesAreRefusedNamingTheKeyTheValueAndTheLimit() {
        assertThatThrownBy(() -> new ChatOptions().setMaxFrameChars(10))
                .hasMessage("chat maxFrameChars (10) must be between 256 and 1048576");
        assertThatThrownBy(() -> new ChatOptions().addAllowedOrigin("https://www.cali.gov.co/chat"))
                .hasMessage("chat allowedOrigins entry 'https://www.cali.gov.co/chat' is not an origin (scheme://host[:port], no path)");
        assertThatThrownBy(() -> new ChatOptions().setIdleTimeout(Duration.ofMillis(5)))
                .hasMessage("chat idleTimeout (PT0.005S) must be between 100 ms and 1 day");
        assertThatThrownBy(() -> new ChatOptions().addTestAgent("corto", "ana", "Ana"))
                .hasMessage("chat test agent token must have at least 16 characters");
        assertThatThrownBy(() -> new ChatOptions(new JsonObject().put("sessionRate", 0.0)))
                .hasMessage("chat sessionRate (0.0) must be above 0 and at most 1000000");
    }
}
