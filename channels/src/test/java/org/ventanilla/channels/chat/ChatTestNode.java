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
    final ChatRouting routing;
    final ChatChannel chat;
    final HttpServer server;
    final int port;
    private final boolean ownsRecords;

    private ChatTestNode(Builder b) throws Exception {
        this.vertx = Vertx.vertx();
        this.ownsRecords = b.records == null;
        this.records = b.records != null ? b.records : MemoryRecordStore.create();
        this.events = b.events != null ? b.events : MemoryClusterEvents.create();
        Clock intakeClock = Clock.fixed(b.now, ZoneOffset.UTC);
        this.intake = new DefaultIntakeService(records, CATALOG, CLASSIFIER, new Deadlines(BusinessCalendar.colombia(intakeClock)), "",
                Survivorship.trusting("registraduria"));
        this.routing = b.routing != null ? b.routing : new LocalChatRouting();
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
        ChatClient.await(vertx.close());
        if (ownsRecords) {
            records.close();
            events.close();
        }
    }

    static final class Builder {
        private RecordStore records;
        private ClusterEvents events;
        private ChatRouting routing;
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

        Builder routing(ChatRouting value) {
            this.routing = value;
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
