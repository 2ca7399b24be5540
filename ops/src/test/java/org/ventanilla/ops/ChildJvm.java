package org.ventanilla.ops;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged server ({@code target/ventanilla.jar}, built by {@code mvn verify} before the integration tests) run
 * in a child JVM, as an operator runs it: {@code java -jar ventanilla.jar ...}, with its stdout and stderr captured.
 */
final class ChildJvm implements AutoCloseable {

    static final Path JAR = Path.of("target", "ventanilla.jar");

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), out, "child-stdout");
        this.errReader = pump(process.getErrorStream(), err, "child-stderr");
    }

    /** Starts {@code java -jar target/ventanilla.jar args} in {@code workDir}, with only {@code env} as VENTANILLA_* variables. */
    static ChildJvm start(Path workDir, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the integration tests with mvn verify,"
                    + " which packages the server jar first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VENTANILLA_"));
        builder.environment().putAll(env);
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A TCP port free right now on the loopback interface. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end by itself; its exit status. */
    int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server did not exit within " + timeout + "; stdout: " + out + " stderr: " + err);
            }
            outReader.join(timeout.toMillis());
            errReader.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM (what an init system or Kubernetes sends) and waits for the exit status. */
    int terminate(Duration timeout) {
        // through the handle: Process.destroy() would also close our end of stdout, losing the shutdown log lines
        process.toHandle().destroy();
        return waitForExit(timeout);
    }

    /** The first stdout line matching {@code predicate}, waiting up to {@code timeout} for it. */
    String awaitOutLine(Predicate<String> predicate, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .failFast("the server exited: stdout " + out + " stderr " + err, () -> !process.isAlive() && findOut(predicate).isEmpty())
                .until(() -> findOut(predicate).isPresent());
        return findOut(predicate).orElseThrow();
    }

    List<String> out() {
        return List.copyOf(out);
    }

    List<String> err() {
        return List.copyOf(err);
    }

    String outText() {
        return String.join("\n", out);
    }

    String errText() {
        return String.join("\n", err);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Optional<String> findOut(Predicate<String> predicate) {
        return out.stream().filter(predicate).findFirst();
    }

    private static Thread pump(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
