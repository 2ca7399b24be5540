package org.ventanilla.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Objects;
import org.ventanilla.core.domain.users.User;

/**
 * The console's HTTP routes, mounted by ops at {@code /console}: the sign-in API and the console's pages.
 * <ul>
 *   <li>{@code POST /console/api/sign-in} with {@code {"username", "password"}}: 200 and {@code {token, displayName,
 *   roles}}, or 401 (the same answer for an unknown user, a wrong password or a disabled user);</li>
 *   <li>{@code POST /console/api/sign-out} with header {@code Authorization: Bearer TOKEN};</li>
 *   <li>{@code GET /console/api/me} with the same header: who is signed in, or 401;</li>
 *   <li>{@code GET /console/*}: the pages (webroot/console).</li>
 * </ul>
 */
public final class ConsoleRoutes {

    private final ConsoleSessions sessions;

    public ConsoleRoutes(ConsoleSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The sub-router to mount at {@code /console}. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.post("/api/*").handler(BodyHandler.create(false).setBodyLimit(4096));
        router.post("/api/sign-in").handler(this::handleSignIn);
        router.post("/api/sign-out").handler(this::handleSignOut);
        router.get("/api/me").handler(this::handleMe);
        router.get("/*").handler(StaticHandler.create("webroot/console").setCachingEnabled(false));
        return router;
    }

    private void handleSignIn(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null || !(body.getValue("username") instanceof String) || !(body.getValue("password") instanceof String)) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("code", "INVALID_INPUT").put("message", "send {\"username\", \"password\"}").encode());
            return;
        }
        String username = body.getString("username");
        char[] password = body.getString("password").toCharArray();
        ctx.vertx().executeBlocking(() -> sessions.signIn(username, password), false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
            } else if (done.result().isEmpty()) {
                ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("code", "FORBIDDEN").put("message", "usuario o contraseña incorrectos").encode());
            } else {
                ConsoleSessions.Session s = done.result().get();
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(describe(s.user()).put("token", s.token()).put("expiresAt", s.expiresAt().toString()).encode());
            }
        });
    }

    private void handleSignOut(RoutingContext ctx) {
        String token = bearer(ctx);
        ctx.vertx().executeBlocking(() -> {
            sessions.signOut(token);
            return null;
        }, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }

    private void handleMe(RoutingContext ctx) {
        String token = bearer(ctx);
        ctx.vertx().executeBlocking(() -> sessions.userOf(token), false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
            } else if (done.result().isEmpty()) {
                ctx.response().setStatusCode(401).end();
            } else {
                ctx.response().putHeader("Content-Type", "application/json").end(describe(done.result().get()).encode());
            }
        });
    }

    private static JsonObject describe(User user) {
        JsonArray roles = new JsonArray();
        user.roles().forEach(r -> roles.add(r.name()));
        return new JsonObject().put("id", user.id()).put("username", user.username()).put("displayName", user.displayName())
                .put("roles", roles);
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    }
}
