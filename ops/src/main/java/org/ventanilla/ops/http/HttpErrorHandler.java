package org.ventanilla.ops.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The one place where failures become HTTP responses: a {@link VentanillaException} answers its code's status with
 * {@code {"error": CODE, "message": ...}} (its message names thing, value and limit and carries no personal data);
 * a bare status ({@code context.fail(404)}) answers that status; anything else is a bug, logged once here and
 * answered 500 without details.
 */
public final class HttpErrorHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrorHandler.class);

    @Override
    public void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        Throwable failure = context.failure();
        int status;
        JsonObject body;
        if (failure instanceof VentanillaException e) {
            status = e.code().httpStatus();
            body = new JsonObject().put("error", e.code().name()).put("message", e.getMessage());
            if (e.code() == ErrorCode.INTERNAL) {
                LOG.error("{} {} failed", context.request().method(), context.normalizedPath(), e);
            }
        } else if (failure == null) {
            status = context.statusCode() > 0 ? context.statusCode() : 500;
            body = new JsonObject().put("error", errorName(status)).put("message", "HTTP " + status);
        } else {
            status = 500;
            body = new JsonObject().put("error", ErrorCode.INTERNAL.name()).put("message", "internal error");
            LOG.error("{} {} failed", context.request().method(), context.normalizedPath(), failure);
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    private static String errorName(int status) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) {
                return code.name();
            }
        }
        return status >= 500 ? ErrorCode.INTERNAL.name() : "HTTP_" + status;
    }
}
