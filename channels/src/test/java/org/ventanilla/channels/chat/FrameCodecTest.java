package org.ventanilla.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.testing.MutableClock;

/** The frame codec and the rate limiter, in memory. */
class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec(300, 100, FrameCodec.CITIZEN_TYPES);

    @Test
    void aFrameOverTheLimitIsRefusedNamingItsLengthAndTheLimit() {
        String frame = "{\"type\":\"msg\",\"text\":\"" + "x".repeat(400) + "\"}";
        assertThatThrownBy(() -> codec.decode(frame)).isInstanceOf(VentanillaException.class)
                .hasMessage("frame length (" + frame.length() + ") exceeds the allowed maximum (300)")
                .extracting(e -> ((VentanillaException) e).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void malformedFramesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> codec.decode("{\"type\":")).hasMessage("frame is not valid JSON");
        assertThatThrownBy(() -> codec.decode("\"hola\"")).hasMessage("frame is not a JSON object");
        assertThatThrownBy(() -> codec.decode("{}")).hasMessage("frame has no type");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"accept\"}")).hasMessageStartingWith("frame type 'accept' is unknown");
        assertThatThrownBy(() -> codec.text(new JsonObject().put("type", "msg").put("text", 5), "text"))
                .hasMessage("field 'text' of a msg frame is not text");
        assertThatThrownBy(() -> codec.text(new JsonObject().put("type", "msg").put("text", "y".repeat(101)), "text"))
                .hasMessage("message length (101) exceeds the allowed maximum (100)");
        assertThatThrownBy(() -> codec.number(new JsonObject().put("type", "resume").put("lastSeq", -1), "lastSeq", 0))
                .hasMessage("field 'lastSeq' of a resume frame is not a non-negative number");
        assertThat(codec.decode(" {\"type\":\"ping\"} ").getString("type")).isEqualTo("ping");
    }

    @Test
    void aBucketRefillsAtItsRateAndNeverAboveItsBurst() {
        MutableClock clock = MutableClock.at(ChatTestNode.TUESDAY_MORNING);
        RateLimiter limiter = new RateLimiter(clock, 2, 3);
        assertThat(limiter.tryAcquire("s")).isTrue();
        assertThat(limiter.tryAcquire("s")).isTrue();
        assertThat(limiter.tryAcquire("s")).isTrue();
        assertThat(limiter.tryAcquire("s")).isFalse();
        assertThat(limiter.tryAcquire("otra")).isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("s")).isTrue();
        assertThat(limiter.tryAcquire("s")).isFalse();
        clock.advance(Duration.ofMinutes(10));
        limiter.evictIdle();
        assertThat(limiter.size()).isZero();
    }
}
