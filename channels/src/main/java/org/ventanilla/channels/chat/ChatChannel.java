package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.ventanilla.core.intake.IntakeService;
import org.ventanilla.core.port.Attachments;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.core.port.RecordStore;

/**
 * The web chat of one node: the citizen WebSocket, the agent WebSocket and the widget's files, offered as one
 * sub-router that {@code ops} mounts at {@code /chat}:
 * <ul>
 *   <li>{@code GET /chat/ws} the citizen's WebSocket (origin checked against the configured sites);</li>
 *   <li>{@code GET /chat/agent/ws} the agent's WebSocket (signed in by the first frame);</li>
 *   <li>{@code POST /chat/attachments}, {@code GET /chat/attachments/:id} images and PDF of a chat, for its citizen
 *   ({@code X-Chat-Token}) and its agent ({@code X-Agent-Token} and {@code X-Chat-Id});</li>
 *   <li>{@code GET /chat/widget.js}, {@code widget.css}, {@code demo.html} the widget and its demo page.</li>
 * </ul>
 */
public interface ChatChannel {

    /** Builds the chat of this node. */
    static ChatChannel create(Vertx vertx, ChatOptions options, Dependencies dependencies) {
        return new ChatRoutes(vertx, options, dependencies);
    }

    /** The sub-router to mount at {@code /chat}. */
    Router router();

    /**
     * Replaces how the client address of a request is found (the default is the socket's peer), so that rate limits
     * see the real client behind the trusted proxies that {@code ops} knows of.
     */
    ChatChannel clientAddress(Function<HttpServerRequest, String> resolver);

    /** Stops the timers and closes the open sockets. */
    Future<Void> close();

    /** What the chat uses from the rest of Ventanilla. */
    record Dependencies(RecordStore records, ClusterEvents events, IntakeService intake, ChatRouting routing, Clock clock,
            ChatServices.OpeningHours openingHours, ChatServices.SelfServiceAnswers answers, ChatServices.CaseStatusLookup cases,
            ChatServices.AgentDirectory agents, Attachments attachments) {

        public Dependencies {
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(intake, "intake");
            Objects.requireNonNull(routing, "routing");
            clock = clock == null ? Clock.systemUTC() : clock;
            openingHours = openingHours == null ? ChatServices.OpeningHours.always() : openingHours;
            answers = answers == null ? ChatServices.SelfServiceAnswers.none() : answers;
            cases = cases == null ? ChatServices.CaseStatusLookup.none() : cases;
        }

        /** The required ones; always open, no self-service, no case lookup, test agents from the options. */
        public static Dependencies of(RecordStore records, ClusterEvents events, IntakeService intake, ChatRouting routing) {
            return new Dependencies(records, events, intake, routing, null, null, null, null, null, null);
        }

        public Dependencies withClock(Clock value) {
            return new Dependencies(records, events, intake, routing, value, openingHours, answers, cases, agents, attachments);
        }

        public Dependencies withOpeningHours(ChatServices.OpeningHours value) {
            return new Dependencies(records, events, intake, routing, clock, value, answers, cases, agents, attachments);
        }

        public Dependencies withAnswers(ChatServices.SelfServiceAnswers value) {
            return new Dependencies(records, events, intake, routing, clock, openingHours, value, cases, agents, attachments);
        }

        public Dependencies withCases(ChatServices.CaseStatusLookup value) {
            return new Dependencies(records, events, intake, routing, clock, openingHours, answers, value, agents, attachments);
        }

        /** The attachments port; without it the chat takes no attachments. */
        public Dependencies withAttachments(Attachments value) {
            return new Dependencies(records, events, intake, routing, clock, openingHours, answers, cases, agents, value);
        }

        public Dependencies withAgents(ChatServices.AgentDirectory value) {
            return new Dependencies(records, events, intake, routing, clock, openingHours, answers, cases, value, attachments);
        }
    }
}
