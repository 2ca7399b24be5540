package org.ventanilla.ops.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * The real client of a request: its IP address and the scheme it used, as the trusted proxies reported them (see
 * {@link TrustedProxies}), and the direct peer the TCP connection came from. Rate limits, audit entries and
 * sign-in throttling key on {@link #ip()}.
 *
 * @param ip the client's IP address, canonical text (IPv4-mapped IPv6 shown as IPv4)
 * @param scheme {@code http} or {@code https}, as the client used it
 * @param peer the address of the direct TCP peer (the proxy when there is one)
 */
public record ClientAddress(String ip, String scheme, String peer) {

    /** The key under which {@link ClientAddressHandler} stores the address in the routing context. */
    public static final String CONTEXT_KEY = "ventanilla.clientAddress";

    /** What {@link #ip()} is when the transport gives no peer address (a Unix domain socket). */
    public static final String UNKNOWN = "unknown";

    public ClientAddress {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(peer, "peer");
    }

    /**
     * The client address of this request, as computed by {@link ClientAddressHandler} at the start of the route
     * table; when that handler did not run, the direct peer (never a forwarded header, which anyone can forge).
     */
    public static ClientAddress of(RoutingContext context) {
        ClientAddress computed = context.get(CONTEXT_KEY);
        return computed != null ? computed : direct(context.request());
    }

    /** Whether the address came from a forwarding header rather than from the TCP peer. */
    public boolean forwarded() {
        return !ip.equals(peer);
    }

    static ClientAddress direct(HttpServerRequest request) {
        String peer = peerOf(request);
        return new ClientAddress(peer, request.scheme() == null ? "http" : request.scheme(), peer);
    }

    static String peerOf(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return UNKNOWN;
        }
        return TrustedProxies.canonical(remote.hostAddress()).orElse(remote.hostAddress());
    }
}
