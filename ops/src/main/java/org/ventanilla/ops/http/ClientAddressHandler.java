package org.ventanilla.ops.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * The first handler of the route table: computes the request's {@link ClientAddress} with the configured
 * {@link TrustedProxies} and stores it for {@link ClientAddress#of(RoutingContext)}.
 */
public final class ClientAddressHandler implements Handler<RoutingContext> {

    private final TrustedProxies proxies;

    public ClientAddressHandler(TrustedProxies proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    @Override
    public void handle(RoutingContext context) {
        String peer = ClientAddress.peerOf(context.request());
        String scheme = context.request().scheme() == null ? "http" : context.request().scheme();
        ClientAddress address = ClientAddress.UNKNOWN.equals(peer)
                ? new ClientAddress(peer, scheme, peer)
                : proxies.resolve(peer, scheme, name -> context.request().headers().getAll(name));
        context.put(ClientAddress.CONTEXT_KEY, address);
        context.next();
    }
}
