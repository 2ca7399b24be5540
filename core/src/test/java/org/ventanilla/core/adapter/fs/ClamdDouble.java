package org.ventanilla.core.adapter.fs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ventanilla.core.port.AttachmentSamples;

/**
 * A stand-in for ClamAV's daemon on a real local TCP socket. It answers as clamd's documented protocol says
 * (clamd(8), command INSTREAM): the client sends {@code zINSTREAM\0}, then chunks "{@code <length><data>}" where
 * the length is a 4-byte unsigned integer in network byte order, then a zero-length chunk; clamd replies
 * {@code stream: OK} or {@code stream: <virus name> FOUND}, terminated by NUL because of the {@code z} prefix.
 * When the stream exceeds StreamMaxLength clamd replies {@code INSTREAM size limit exceeded. ERROR} and closes
 * the connection. Not recorded from a real clamd: the signature name is the one current ClamAV releases
 * report for EICAR ({@code Win.Test.EICAR_HDB-1}); detection here is a plain search for the EICAR string.
 */
final class ClamdDouble implements AutoCloseable {

    static final String EICAR_SIGNATURE = "Win.Test.EICAR_HDB-1";

    enum Mode {
        /** Scans and answers OK or FOUND. */
        SCAN,
        /** Answers the size-limit error once more than {@link #streamMaxLength} bytes arrived, then closes. */
        SIZE_LIMIT,
        /** Reads everything and never answers (a hung daemon). */
        SILENT
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Integer> chunkLengths = new CopyOnWriteArrayList<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SCAN;
    private volatile int streamMaxLength = 25 * 1024 * 1024;

    private ClamdDouble() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "clamd-double");
        acceptor.setDaemon(true);
    }

    static ClamdDouble start() throws IOException {
        ClamdDouble clamd = new ClamdDouble();
        clamd.acceptor.start();
        return clamd;
    }

    int port() {
        return server.getLocalPort();
    }

    void mode(Mode newMode) {
        this.mode = newMode;
    }

    void streamMaxLength(int bytes) {
        this.streamMaxLength = bytes;
    }

    List<String> commands() {
        return commands;
    }

    List<Integer> chunkLengths() {
        return chunkLengths;
    }

    List<String> protocolErrors() {
        return protocolErrors;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread handler = new Thread(() -> serve(socket), "clamd-double-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    protocolErrors.add("accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String command = readCommand(in);
            commands.add(command);
            if (!command.equals("zINSTREAM")) {
                // clamd answers an unknown command with "UNKNOWN COMMAND".
                protocolErrors.add("unexpected command '" + command + "'");
                out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                int length = in.readInt();
                if (length == 0) {
                    break;
                }
                if (length < 0) {
                    protocolErrors.add("chunk length above 2^31: " + Integer.toUnsignedString(length));
                    return;
                }
                chunkLengths.add(length);
                byte[] chunk = in.readNBytes(length);
                content.write(chunk);
                if (mode == Mode.SIZE_LIMIT && content.size() > streamMaxLength) {
                    out.write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
            }
            if (mode == Mode.SILENT) {
                in.read();
                return;
            }
            boolean infected = content.toString(StandardCharsets.ISO_8859_1).contains(AttachmentSamples.EICAR);
            String reply = infected ? "stream: " + EICAR_SIGNATURE + " FOUND" : "stream: OK";
            out.write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (EOFException | SocketException e) {
            // The client went away (or was told to): nothing more to answer.
            return;
        } catch (IOException e) {
            protocolErrors.add("connection failed: " + e);
        }
    }

    /** The command up to its NUL terminator (the z prefix) or newline (the n prefix). */
    private static String readCommand(DataInputStream in) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != 0 && b != '\n') {
            command.write(b);
            if (command.size() > 64) {
                break;
            }
        }
        return command.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
