package org.ventanilla.ops.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    void readyWhenEveryCriticalCheckIsUp() {
        Health health = new Health(vertx, List.of(
                HealthCheck.critical("database", Duration.ofSeconds(1), () -> true),
                HealthCheck.informational("channels", Duration.ofSeconds(1), () -> HealthCheck.Result.down("voz: FastAGI detenido"))));

        HealthReport report = health.report().await();

        assertThat(report.ready()).isTrue();
        assertThat(report.checks().get("database").up()).isTrue();
        assertThat(report.checks().get("channels").up()).isFalse();
        assertThat(report.toJson().getString("status")).isEqualTo("UP");
    }

    @Test
    void aCriticalCheckDownOrThrowingMakesTheNodeNotReady() {
        Health health = new Health(vertx, List.of(
                HealthCheck.critical("database", Duration.ofSeconds(1), () -> true),
                new HealthCheck("redis", true, Duration.ofSeconds(1), () -> {
                    throw new IllegalStateException("connection refused");
                })));

        HealthReport report = health.report().await();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get("redis").detail()).isEqualTo("failed: IllegalStateException");
        JsonObject json = report.toJson();
        assertThat(json.getString("status")).isEqualTo("DOWN");
        assertThat(json.getBoolean("live")).isTrue();
        assertThat(json.getBoolean("ready")).isFalse();
    }

    @Test
    void probesRunOffTheEventLoop() {
        AtomicBoolean ranOnEventLoop = new AtomicBoolean(true);
        Health health = new Health(vertx, List.of(HealthCheck.critical("database", Duration.ofSeconds(1), () -> {
            ranOnEventLoop.set(Context.isOnEventLoopThread());
            return true;
        })));

        health.report().await();

        assertThat(ranOnEventLoop).isFalse();
    }

    @Test
    void aHungProbeIsJoinedNotStartedAgain() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Health health = new Health(vertx, List.of(HealthCheck.critical("database", Duration.ofMillis(200), () -> {
            started.incrementAndGet();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        })));

        HealthReport first = health.report().await();
        HealthReport second = health.report().await();
        release.countDown();

        assertThat(first.checks().get("database").detail()).isEqualTo("no answer within 200 ms");
        assertThat(second.ready()).isFalse();
        assertThat(started).hasValue(1);
    }

    @Test
    void drainingMakesTheNodeNotReady() {
        Health health = new Health(vertx, List.of(HealthCheck.critical("database", Duration.ofSeconds(1), () -> true)));

        health.startDraining();
        HealthReport report = health.report().await();

        assertThat(report.ready()).isFalse();
        assertThat(report.toJson().getBoolean("draining")).isTrue();
    }

    @Test
    void checksAreNamedOnceWithAPositiveTimeout() {
        HealthCheck database = HealthCheck.critical("database", Duration.ofSeconds(1), () -> true);

        assertThatThrownBy(() -> new Health(vertx, List.of(database, database))).hasMessageContaining("registered twice");
        assertThatThrownBy(() -> HealthCheck.critical("Base De Datos", Duration.ofSeconds(1), () -> true))
                .hasMessageContaining("'Base De Datos' is not allowed");
        assertThatThrownBy(() -> HealthCheck.critical("database", Duration.ZERO, () -> true)).hasMessageContaining("(> 0)");
    }
}
