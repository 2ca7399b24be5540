package org.ventanilla.core.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ventanilla.core.testing.TestServices;

/**
 * A TCP relay between one test's Redis clients and the real Redis, so that a test can take "Redis" away from
 * its own clients (and bring it back on the same port) without touching the server other tests use.
 */
final class RedisProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private RedisProxy(InetSocketAddress target, ServerSocket server) {
        this.target = target;
        this.server = server;
        this.port = server.getLocalPort();
    }

    static RedisProxy start() throws IOException {
        URI redis = URI.create(TestServices.redisUri());
        InetSocketAddress target = new InetSocketAddress(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379);
        RedisProxy proxy = new RedisProxy(target, listen(0));
        proxy.acceptInBackground();
        return proxy;
    }

    /** The URI that reaches Redis through this proxy. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Redis "goes down": the port refuses connections and every relayed connection is cut. */
    void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Redis "comes back" on the same port. */
    void restore() throws IOException {
        server = listen(port);
        acceptInBackground();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptInBackground() {
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket();
                    upstream.connect(target, 2000);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException ignored) {
                    // Closed by cut(): stop accepting.
                }
            }
        }, "redis-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // One side closed: the relay of this connection ends.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "redis-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
