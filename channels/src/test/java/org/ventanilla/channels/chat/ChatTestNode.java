package org.ventanilla.channels.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.ventanilla.core.adapter.memory.MemoryClusterEvents;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.demo.AnswersLoader;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.answers.AnswerRegistry;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.state.MemoryLiveState;
import org.ventanilla.routing.verticle.BusEventSink;
import org.ventanilla.routing.verticle.IntakeEvents;
import org.ventanilla.routing.verticle.RoutingService;
import org.ventanilla.routing.verticle.RoutingVerticle;

/** One Ventanilla node with the chat mounted at /chat on a real HTTP server on a free port. */
final class ChatTestNode implements AutoCloseable {

    static final Catalog CATALOG = CatalogLoader.demo();
    static final Classifier CLASSIFIER = Classifier.train(CATALOG);
    static final AnswerRegistry ANSWERS = AnswersLoader.demo(CATALOG);
    /** Tuesday 2026-11-24, 10:00 in Bogotá: opening hours. */
    static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T15:00:00Z");
    /** Sunday 2026-11-29, 23:00 in Bogotá: out of the general queue's hours. */
    static final Instant SUNDAY_NIGHT = Instant.parse("2026-11-30T04:00:00Z");
    static final String AGENT_TOKEN = "token-de-prueba-agente-ana-0001";
    static final String AGENT2_TOKEN = "token-de-prueba-agente-luis-0002";

    final Vertx vertx;
    final RecordStore records;
    final ClusterEvents events;
    final DefaultIntakeService intake;
    final BusChatRouting routing;
    final ChatChannel chat;
    final HttpServer server;
    final int port;
    private final boolean ownsRecords;
    private final boolean ownsVertx;

    private ChatTestNode(Builder b) throws Exception {
        this.ownsVertx = b.vertx == null;
        this.vertx = b.vertx != null ? b.vertx : Vertx.vertx();
        if (b.deployRouting) {
            deployRouting(vertx, b.offerTimeout);
        }
        this.ownsRecords = b.records == null;
        this.records = b.records != null ? b.records : MemoryRecordStore.create();
        this.events = b.events != null ? b.events : MemoryClusterEvents.create();
        Clock intakeClock = Clock.fixed(b.now, ZoneOffset.UTC);
        this.intake = new DefaultIntakeService(records, CATALOG, CLASSIFIER, new Deadlines(BusinessCalendar.colombia(intakeClock)), "",
                Survivorship.trusting("registraduria"));
        this.routing = BusChatRouting.create(vertx, events, agentId -> java.util.Optional.empty(),
                category -> CATALOG.find(category).map(c -> c.queue()).orElse("general"),
                CATALOG.queues().stream().map(q -> q.code()).toList(), Clock.systemUTC());
        ChatOptions options = b.options.apply(new ChatOptions().setSessionRate(100, 1000).setAddressRate(1000, 10_000)
                .addTestAgent(AGENT_TOKEN, "ana", "Ana María Pérez").addTestAgent(AGENT2_TOKEN, "luis", "Luis Ángel Gómez"));
        // opening hours are judged at the test's business time; messages and rate limits use the chat clock
        Instant businessTime = b.now;
        ChatChannel.Dependencies deps = ChatChannel.Dependencies.of(records, events, intake, routing)
                .withClock(b.chatClock != null ? b.chatClock : Clock.systemUTC())
                .withOpeningHours(ignored -> CATALOG.queue("general").orElseThrow().openingHours()
                        .isOpen(businessTime.atZone(java.time.ZoneId.of("America/Bogota"))))
                .withAnswers(ChatServices.SelfServiceAnswers.of(ANSWERS))
                .withCases(ChatServices.CaseStatusLookup.of(intake))
                .withAttachments(b.attachments);
        this.chat = ChatChannel.create(vertx, options, deps);
        Router root = Router.router(vertx);
        root.route("/chat/*").subRouter(chat.router());
        this.server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        this.port = server.actualPort();
    }

    /** Routing as ops deploys it: the catalog's queues (always open here), memory live state, history in memory. */
    static void deployRouting(Vertx vertx, java.time.Duration offerTimeout) throws Exception {
        org.ventanilla.routing.store.StoredRoutingEvents history = org.ventanilla.routing.store.StoredRoutingEvents.create(
                MemoryRecordStore.create(), "nodo-prueba");
        RoutingSettings settings = RoutingSettings.DEFAULTS.withOfferTimeout(org.ventanilla.routing.api.Channel.CHAT, offerTimeout);
        RoutingEngine engine = RoutingEngine.create(settings, new MemoryLiveState(), BusEventSink.create(vertx.eventBus(), history),
                Clock.systemUTC());
        RoutingService service = RoutingService.create(engine, history, Clock.systemUTC(), () -> true);
        for (org.ventanilla.core.domain.catalog.ServiceQueue q : CATALOG.queues()) {
            service.defineQueue(QueueSpec.builder(q.code()).build());
        }
        vertx.deployVerticle(new RoutingVerticle(service, new IntakeEvents(service, java.time.ZoneId.of("America/Bogota")),
                new RoutingVerticle.Options(false, java.time.Duration.ofMillis(100), true)))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Builder builder() {
        return new Builder();
    }

    static ChatTestNode start() throws Exception {
        return builder().start();
    }

    String origin() {
        return "http://127.0.0.1:" + port;
    }

    ChatClient citizen() throws Exception {
        return ChatClient.connect(vertx, port, "/chat/ws", origin());
    }

    ChatClient agent(String token) throws Exception {
        ChatClient c = ChatClient.connect(vertx, port, "/chat/agent/ws", null);
        c.send(new io.vertx.core.json.JsonObject().put("type", "auth").put("token", token));
        c.await(f -> "ready".equals(f.getString("type")));
        return c;
    }

    @Override
    public void close() {
        ChatClient.await(Future.join(chat.close(), server.close()));
        routing.close();
        if (ownsVertx) {
            ChatClient.await(vertx.close());
        }
        if (ownsRecords) {
            records.close();
            events.close();
        }
    }

    static final class Builder {
        private RecordStore records;
        private ClusterEvents events;
        private Vertx vertx;
        private boolean deployRouting = true;
        private java.time.Duration offerTimeout = java.time.Duration.ofSeconds(30);
        private Clock chatClock;
        private Instant now = TUESDAY_MORNING;
        private UnaryOperator<ChatOptions> options = o -> o;
        private org.ventanilla.core.port.Attachments attachments;

        Builder attachments(org.ventanilla.core.port.Attachments value) {
            this.attachments = value;
            return this;
        }

        Builder records(RecordStore value) {
            this.records = value;
            return this;
        }

        Builder events(ClusterEvents value) {
            this.events = value;
            return this;
        }

        /** Shares {@code value} (and the routing deployed on it) with another node. */
        Builder vertx(Vertx value) {
            this.vertx = value;
            this.deployRouting = false;
            return this;
        }

        Builder offerTimeout(java.time.Duration value) {
            this.offerTimeout = value;
            return this;
        }

        Builder chatClock(Clock value) {
            this.chatClock = value;
            return this;
        }

        Builder at(Instant value) {
            this.now = value;
            return this;
        }

        Builder options(UnaryOperator<ChatOptions> value) {
            this.options = value;
            return this;
        }

        ChatTestNode start() throws Exception {
            return new ChatTestNode(this);
        }
    }
}
