package org.ventanilla.core.adapter.fs;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Scans with ClamAV's daemon (clamd) over TCP with its INSTREAM command: {@code zINSTREAM\0}, then chunks each
 * preceded by its length as a 4-byte big-endian unsigned integer, then a zero-length chunk; clamd answers
 * {@code stream: OK} or {@code stream: <signature> FOUND} (null-terminated because of the {@code z} prefix),
 * or a line ending in {@code ERROR} (for example when the stream exceeds clamd's {@code StreamMaxLength}).
 * One connection per scan; thread-safe.
 */
public final class ClamAvScanner implements VirusScanner {

    public static final int DEFAULT_PORT = 3310;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** clamd reads chunks of any size up to StreamMaxLength; 64 KiB keeps memory small and syscalls few. */
    static final int CHUNK_SIZE = 64 * 1024;
    private static final int MAX_REPLY_BYTES = 4096;
    private static final byte[] COMMAND = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final String REPLY_PREFIX = "stream: ";
    private static final String FOUND_SUFFIX = " FOUND";

    private final String host;
    private final int port;
    private final Duration timeout;

    private ClamAvScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** clamd at {@code host:port}, waiting at most {@link #DEFAULT_TIMEOUT} to connect and for each read. */
    public static ClamAvScanner create(String host, int port) {
        return create(host, port, DEFAULT_TIMEOUT);
    }

    public static ClamAvScanner create(String host, int port, Duration timeout) {
        if (host == null || host.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "clamd host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "clamd port (" + port + ") is outside 1..65535");
        }
        if (timeout == null || timeout.toMillis() < 1) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "clamd timeout (" + timeout + ") must be at least 1 ms");
        }
        return new ClamAvScanner(host, port, timeout);
    }

    @Override
    public Verdict scan(InputStream content) {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            } catch (IOException e) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "virus scanner (clamd at " + where() + ") is unreachable", e);
            }
            socket.setSoTimeout(timeoutMillis);
            try {
                send(content, socket);
            } catch (IOException e) {
                // clamd closes the connection when the stream exceeds its StreamMaxLength, after saying so.
                String reply = readReplyQuietly(socket);
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "virus scanner (clamd at " + where() + ") stopped reading"
                        + (reply.isEmpty() ? "" : ": " + reply), e);
            }
            return parse(readReply(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE,
                    "virus scanner (clamd at " + where() + ") did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "virus scanner (clamd at " + where() + ") failed: " + e, e);
        }
    }

    private void send(InputStream content, Socket socket) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), CHUNK_SIZE + 4));
        out.write(COMMAND);
        byte[] chunk = new byte[CHUNK_SIZE];
        int read;
        while ((read = readContent(content, chunk)) > 0) {
            out.writeInt(read);
            out.write(chunk, 0, read);
        }
        out.writeInt(0);
        out.flush();
    }

    private int readContent(InputStream content, byte[] chunk) {
        try {
            return content.read(chunk);
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE,
                    "attachment to scan could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Verdict parse(String reply) {
        if (reply.equals(REPLY_PREFIX + "OK")) {
            return Verdict.clean();
        }
        if (reply.startsWith(REPLY_PREFIX) && reply.endsWith(FOUND_SUFFIX)) {
            String signature = reply.substring(REPLY_PREFIX.length(), reply.length() - FOUND_SUFFIX.length()).trim();
            return Verdict.infected(signature.isEmpty() ? "unnamed threat" : signature);
        }
        if (reply.isEmpty()) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "virus scanner (clamd at " + where() + ") closed without a reply");
        }
        throw new VentanillaException(ErrorCode.UNAVAILABLE, "virus scanner (clamd at " + where() + ") could not scan: " + reply);
    }

    /** The reply up to its terminating NUL (or newline, or the end of the stream), without the terminator. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != 0 && b != '\n') {
            if (reply.size() >= MAX_REPLY_BYTES) {
                break;
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }

    private static String readReplyQuietly(Socket socket) {
        try {
            return readReply(socket.getInputStream());
        } catch (IOException ignored) {
            return "";
        }
    }

    private String where() {
        return host + ":" + port;
    }
}
