package org.ventanilla.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A redis-server of the test's own, on a free loopback port, that the test may kill and start again on the same port
 * (empty again: no persistence), as an outage of the shared Redis would look to a node. The shared Redis of the
 * machine is never touched.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private final Path log;
    private Process process;

    /** A server on a free port, not started yet; its output goes to {@code redis-<port>.log} in {@code logDirectory}. */
    public RedisServerProcess(Path logDirectory) {
        this.port = freePort();
        this.log = logDirectory.resolve("redis-" + port + ".log");
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it answers PING. */
    public void start() {
        ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not be started (is it installed? apt-get install redis-server)", e);
        }
        Awaitility.await("redis-server on port " + port + " answers PING").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(this::answersPing);
    }

    /** Kills the server (SIGKILL) and waits until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        kill();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
