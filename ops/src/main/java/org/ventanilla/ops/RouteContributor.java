package org.ventanilla.ops;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * What a module adds to the node's one HTTP server: its routes or a mounted sub-router (the chat WebSocket and the
 * Open311 API from channels, the console from agent-console). Called once, on the HTTP verticle's event loop, while
 * the server starts; the health, metrics and client-address handlers are already in place.
 */
@FunctionalInterface
public interface RouteContributor {

    /** Adds routes to {@code router}; {@code vertx} is the node's instance (for {@code Router.router(vertx)}). */
    void addRoutes(Vertx vertx, Router router);
}
