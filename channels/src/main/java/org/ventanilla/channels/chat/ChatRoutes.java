package org.ventanilla.channels.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The route table of the chat: two WebSockets and the widget's files. */
final class ChatRoutes implements ChatChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRoutes.class);

    private final Vertx vertx;
    private final ChatEngine engine;
    private final Router router;
    private volatile Function<HttpServerRequest, String> clientAddress = r -> r.remoteAddress().hostAddress();

    ChatRoutes(Vertx vertx, ChatOptions options, Dependencies deps) {
        this.vertx = vertx;
        this.engine = new ChatEngine(vertx, options, deps);
        this.router = Router.router(vertx);
        router.get("/ws").handler(this::handleCitizenSocket);
        router.get("/agent/ws").handler(this::handleAgentSocket);
        ChatAttachments files = new ChatAttachments(engine, deps.attachments());
        router.route("/attachments*").handler(CorsHandler.create().addOrigins(List.copyOf(options.getAllowedOrigins()))
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
                .allowedHeaders(Set.of("Content-Type", "X-Chat-Token", "X-Agent-Token", "X-Chat-Id", "X-File-Name", "X-Cid")));
        router.post("/attachments").handler(BodyHandler.create(false).setBodyLimit(options.getMaxAttachmentBytes()))
                .handler(this::addressLimit).handler(files::handleUpload);
        router.get("/attachments/:id").handler(this::addressLimit).handler(files::handleDownload);
        router.get("/*").handler(StaticHandler.create("webroot/chat").setCachingEnabled(true).setMaxAgeSeconds(300)
                .setDirectoryListing(false).setIndexPage("demo.html"));
    }

    @Override
    public Router router() {
        return router;
    }

    @Override
    public ChatChannel clientAddress(Function<HttpServerRequest, String> resolver) {
        this.clientAddress = resolver;
        return this;
    }

    @Override
    public Future<Void> close() {
        engine.close();
        return Future.succeededFuture();
    }

    private void addressLimit(RoutingContext ctx) {
        if (engine.addressLimiter.tryAcquire(clientAddress.apply(ctx.request()))) {
            ctx.next();
        } else {
            ctx.response().setStatusCode(429).end("too many requests from this client address");
        }
    }

    private void handleCitizenSocket(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String origin = req.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || !originAllowed(origin, req)) {
            ctx.response().setStatusCode(403).end("origin not allowed");
            return;
        }
        String address = clientAddress.apply(req);
        if (!engine.addressLimiter.tryAcquire(address)) {
            ctx.response().setStatusCode(429).end("too many requests from this client address");
            return;
        }
        Context context = vertx.getOrCreateContext();
        req.toWebSocket().onSuccess(ws -> new CitizenSession(engine, ws, context, address).start())
                .onFailure(e -> LOG.warn("citizen WebSocket upgrade failed: {}", e.getMessage()));
    }

    private void handleAgentSocket(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String origin = req.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !originAllowed(origin, req)) {
            ctx.response().setStatusCode(403).end("origin not allowed");
            return;
        }
        String address = clientAddress.apply(req);
        Context context = vertx.getOrCreateContext();
        req.toWebSocket().onSuccess(ws -> new AgentSession(engine, ws, context, address).start())
                .onFailure(e -> LOG.warn("agent WebSocket upgrade failed: {}", e.getMessage()));
    }

    /** Allowed: a configured site, or the page's own host (the demo page and the console are served by Ventanilla). */
    private boolean originAllowed(String origin, HttpServerRequest req) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (engine.options.getAllowedOrigins().contains(o)) {
            return true;
        }
        String host = req.getHeader(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(o);
            String originHost = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            return originHost.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
