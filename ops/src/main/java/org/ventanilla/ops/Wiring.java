package org.ventanilla.ops;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Objects;
import org.ventanilla.core.adapter.fs.AttachmentSettings;
import org.ventanilla.core.adapter.fs.ClamAvScanner;
import org.ventanilla.core.adapter.fs.FileSystemAttachments;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.memory.MemoryClusterEvents;
import org.ventanilla.core.adapter.memory.MemoryLeases;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.adapter.redis.RedisClusterEvents;
import org.ventanilla.core.adapter.redis.RedisLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.channels.chat.ChatChannel;
import org.ventanilla.channels.chat.ChatOptions;
import org.ventanilla.channels.chat.ChatServices;
import org.ventanilla.channels.chat.BusChatRouting;
import org.ventanilla.console.ConsoleRoutes;
import org.ventanilla.console.ConsoleSessions;
import org.ventanilla.core.demo.AnswersLoader;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.demo.DemoSeeder;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.answers.AnswerRegistry;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.OpeningHours;
import org.ventanilla.core.domain.catalog.QueueRouting;
import org.ventanilla.core.domain.catalog.ServiceQueue;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.intake.CallbackRequests;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.lease.LeaseKeeper;
import org.ventanilla.core.outbox.OutboxRelay;
import org.ventanilla.core.outbox.RelayOptions;
import org.ventanilla.core.port.Attachments;
import org.ventanilla.core.port.ClusterEvents;
import org.ventanilla.core.port.Leases;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.UserDirectory;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.routing.api.Channel;
import org.ventanilla.routing.api.RoutingAddresses;
import org.ventanilla.routing.engine.RoutingEngine;
import org.ventanilla.routing.engine.RoutingMeters;
import org.ventanilla.routing.engine.RoutingSettings;
import org.ventanilla.routing.model.OverflowAction;
import org.ventanilla.routing.model.QueueSpec;
import org.ventanilla.routing.model.RelaxationStep;
import org.ventanilla.routing.state.LiveItem;
import org.ventanilla.routing.state.LiveState;
import org.ventanilla.routing.state.MemoryLiveState;
import org.ventanilla.routing.state.redis.RedisLiveState;
import org.ventanilla.routing.store.StoredRoutingEvents;
import org.ventanilla.routing.verticle.BusEventSink;
import org.ventanilla.routing.verticle.IntakeEvents;
import org.ventanilla.routing.verticle.RoutingService;
import org.ventanilla.routing.verticle.RoutingVerticle;
import org.ventanilla.ops.health.HealthCheck;
import org.ventanilla.ops.health.HealthChecks;
import org.ventanilla.ops.http.TrustedProxies;
import org.ventanilla.ops.overflow.OverflowActions;
import org.ventanilla.ops.overflow.OverflowHandler;

/**
 * The one place that reads the settings and chooses adapters (plain code, an exhaustive switch per choice), then
 * assembles the {@link Server}: its health checks, its routes and what it closes when it stops.
 */
public final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    /** The adapters chosen for this node's ports. */
    public record Adapters(RecordStore records, Leases leases, ClusterEvents clusterEvents) {
        public Adapters {
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(leases, "leases");
            Objects.requireNonNull(clusterEvents, "clusterEvents");
        }
    }

    /** Event-bus address prefix of the events the outbox relay publishes ({@code ventanilla.outbox.<event type>}). */
    public static final String OUTBOX_ADDRESS_PREFIX = "ventanilla.outbox.";
    /** Redis key prefix of the routing live state shared by every node. */
    static final String ROUTING_REDIS_PREFIX = "ventanilla:routing:";
    /** An offer older than this is given back to its queue by the sweep, whatever its node. */
    static final Duration STALE_OFFER = Duration.ofMinutes(2);
    /** How long the relay waits for routing to take a received contact before trying again. */
    static final Duration ROUTING_REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** Name of the lease the outbox relay holds in multi-node mode. */
    public static final String RELAY_LEASE = "outbox-relay";

    /** A wired node: its server, its application services and what the demo seeding did. */
    public record Node(Server server, Services services, DemoSeeder.SeedResult demo) {
    }

    /** The application services every module is given. */
    public record Services(Catalog catalog, Classifier classifier, DefaultIntakeService intake, Attachments attachments,
            Deadlines deadlines, AnswerRegistry answers, CallbackRequests callbacks) {
    }

    /**
     * Opens the adapters for {@code settings} and builds the server around them. Blocking (it may open a pool
     * and connect to Redis): call it from the main thread, never from an event loop.
     */
    public static Server server(Settings settings, Clock clock) {
        return node(settings, clock).server();
    }

    /** Like {@link #server}, also returning the services and the result of demo seeding. */
    public static Node node(Settings settings, Clock clock) {
        Adapters adapters = adapters(settings, clock);
        Services services;
        DemoSeeder.SeedResult demo = DemoSeeder.SeedResult.NOTHING;
        LeaseKeeper relayLease;
        try {
            services = services(settings, adapters, clock);
            if (settings.demo().enabled()) {
                demo = DemoSeeder.seedIfEmpty(adapters.records(), dataDirectory(settings).resolve("initial-passwords.txt"),
                        new SecureRandom());
            }
            relayLease = LeaseKeeper.builder(adapters.leases(), RELAY_LEASE, settings.node().id()).clock(clock).start();
        } catch (RuntimeException e) {
            adapters.leases().close();
            adapters.clusterEvents().close();
            adapters.records().close();
            throw e;
        }
        OutboxRelay[] relay = new OutboxRelay[1];
        OverflowHandler[] overflow = new OverflowHandler[1];
        AtomicReference<RoutingService> routing = new AtomicReference<>();
        Server.Builder builder = Server.builder(settings)
                .healthCheck(HealthChecks.database(adapters.records()))
                .healthCheck(HealthChecks.attachments(settings.attachments().directory(),
                        HealthChecks.usableSpace(settings.attachments().directory())))
                .closeOnStop(adapters.records())
                .closeOnStop(adapters.leases())
                .closeOnStop(adapters.clusterEvents())
                .closeOnStop(relayLease)
                .closeOnStop(() -> {
                    if (relay[0] != null) {
                        relay[0].close();
                    }
                })
                .healthCheck(new HealthCheck("routing", true, HealthCheck.DEFAULT_TIMEOUT, () -> routing.get() == null
                        ? HealthCheck.Result.down("routing is starting")
                        : routing.get().isHealthy() ? HealthCheck.Result.up("live state reachable")
                        : HealthCheck.Result.down("routing live state unreachable")))
                // listening before routing runs its first timers: a restored contact past its maximum wait overflows then
                .onStart(vertx -> overflow[0] = installOverflowHandler(vertx, adapters, services))
                .onStart(vertx -> routing.set(deployRouting(vertx, settings, adapters, services, clock)))
                .onStart(vertx -> catchUpOverflows(vertx, overflow[0], routing.get(), clock))
                .meters(registry -> RoutingMeters.bind(routing.get().engine().metrics(), registry))
                .closeOnStop(() -> {
                    if (overflow[0] != null) {
                        overflow[0].close().await(5, TimeUnit.SECONDS);
                    }
                })
                .onStart(vertx -> {
                    relay[0] = OutboxRelay.create(adapters.records(), event -> relayToBus(vertx, event),
                            new RelayOptions().setIsLeader(relayLease::isLeader));
                    relay[0].start();
                });
        if (settings.state().kind() == Settings.StateKind.REDIS) {
            builder.healthCheck(HealthChecks.redis(() -> adapters.leases().isReachable() && adapters.clusterEvents().isReachable()));
        }
        addConsoleAndChat(builder, settings, adapters, services, clock);
        return new Node(builder.healthCheck(HealthChecks.channels(1)).build(), services, demo);
    }

    /**
     * Publishes one outbox event on the event bus. A received contact is handed to routing as a request and counts
     * as published only once routing has taken it (its history committed), so a crash in between re-sends it and
     * routing's idempotent enqueue absorbs the repeat; other events are published for whoever listens.
     */
    static void relayToBus(Vertx vertx, OutboxEvent event) {
        if (DefaultIntakeService.EVENT_INTERACTION_RECEIVED.equals(event.type())) {
            try {
                vertx.eventBus().request(RoutingAddresses.INTAKE_EVENTS, new JsonObject(event.payload()))
                        .await(ROUTING_REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE, "routing did not take interaction "
                        + event.aggregateId() + " within " + ROUTING_REPLY_TIMEOUT.toMillis() + " ms", e);
            } catch (ReplyException e) {
                if (e.failureType() != ReplyFailure.RECIPIENT_FAILURE || e.failureCode() >= 500) {
                    throw new VentanillaException(ErrorCode.UNAVAILABLE, "routing could not take interaction "
                            + event.aggregateId() + " (" + e.failureType() + ")", e);
                }
                // Routing decided (for example a live queue closed out of hours: the channel already told the
                // citizen): retrying would never succeed and would hold back every later event.
                LOG.warn("routing refused interaction {}: {}", event.aggregateId(), e.getMessage());
            }
        }
        vertx.eventBus().publish(OUTBOX_ADDRESS_PREFIX + event.type(), event.payload());
    }

    /** Routing of this node: the engine over the configured live state, its history, the catalog's queues, the verticle. */
    private static RoutingService deployRouting(Vertx vertx, Settings settings, Adapters adapters, Services services, Clock clock) {
        BusinessCalendar calendar = services.deadlines().calendar();
        StoredRoutingEvents history = StoredRoutingEvents.create(adapters.records(), settings.node().id());
        AtomicReference<RoutingEngine> sweeps = new AtomicReference<>();
        LiveState live = switch (settings.state().kind()) {
            case MEMORY -> new MemoryLiveState();
            case REDIS -> redisLiveState(vertx, settings, clock, sweeps);
            default -> throw new IllegalStateException("unhandled state kind " + settings.state().kind());
        };
        RoutingEngine engine = RoutingEngine.create(RoutingSettings.DEFAULTS, live, BusEventSink.create(vertx.eventBus(), history),
                clock);
        sweeps.set(engine);
        RoutingService service = RoutingService.create(engine, history, clock, live::isReachable);
        // an overflow target must be defined before the queue that overflows into it
        for (ServiceQueue queue : services.catalog().queuesTargetsFirst()) {
            service.defineQueue(queueSpec(queue, calendar));
        }
        boolean engineBlocks = settings.state().kind() == Settings.StateKind.REDIS;
        vertx.deployVerticle(new RoutingVerticle(service, new IntakeEvents(service, calendar.zone()),
                new RoutingVerticle.Options(engineBlocks, RoutingVerticle.DEFAULT_TICK, true))).await();
        return service;
    }

    /**
     * Routing's definition of a catalog queue: open when its opening hours say so on a business day; its skills,
     * service levels, size, relaxation steps and overflow as the catalog gives them.
     */
    static QueueSpec queueSpec(ServiceQueue queue, BusinessCalendar calendar) {
        OpeningHours hours = queue.openingHours();
        QueueRouting rules = queue.routing();
        QueueSpec.Builder spec = QueueSpec.builder(queue.code())
                .openHours(at -> hours.isOpen(at.atZone(calendar.zone()))
                        && calendar.isBusinessDay(at.atZone(calendar.zone()).toLocalDate()))
                .maxSize(rules.maxSize());
        rules.skills().forEach(spec::skill);
        rules.serviceLevels().forEach((channel, goal) -> spec.serviceLevel(Channel.valueOf(channel.name()), goal.target(),
                goal.percent()));
        rules.relaxation().forEach(step -> spec.relax(new RelaxationStep(step.after(), step.skill(), step.level())));
        if (rules.maxWait() != null) {
            spec.overflowAfter(rules.maxWait(), overflowAction(rules.overflow()));
        }
        return spec.build();
    }

    private static OverflowAction overflowAction(QueueRouting.Overflow overflow) {
        return switch (overflow.kind()) {
            case OTHER_QUEUE -> OverflowAction.toQueue(overflow.targetQueue());
            case CALLBACK -> OverflowAction.callback();
            case DEFERRED_CASE -> OverflowAction.deferredCase();
            default -> throw new IllegalStateException("unhandled overflow kind " + overflow.kind());
        };
    }

    /** Callbacks and deferred cases for contacts that overflowed their queue, carried out as routing publishes the events. */
    private static OverflowHandler installOverflowHandler(Vertx vertx, Adapters adapters, Services services) {
        OverflowHandler handler = OverflowHandler.install(vertx, new OverflowActions(adapters.records(), services.intake(),
                services.callbacks(), services.deadlines().calendar().zone()));
        handler.ready().await();
        return handler;
    }

    /**
     * In the background, carries out the overflows stored in the last day that no work list holds yet: those a crash
     * interrupted between routing's event and the work-list entry.
     */
    private static void catchUpOverflows(Vertx vertx, OverflowHandler handler, RoutingService routing, Clock clock) {
        routing.history().ifPresent(history -> vertx.executeBlocking(() -> {
            Instant now = clock.instant();
            return handler.catchUp(history, now.minus(OverflowHandler.CATCH_UP_WINDOW), now.plusSeconds(1));
        }, false).onFailure(e -> LOG.warn("overflows stored before this start could not be checked: {}", e.getMessage())));
    }

    /**
     * The live state shared through Redis: this node renews its lease every few seconds and sweeps back to their
     * queues the offers of nodes whose lease lapsed (a killed node's offers expire, its items are served by others).
     */
    private static RedisLiveState redisLiveState(Vertx vertx, Settings settings, Clock clock, AtomicReference<RoutingEngine> engine) {
        String uri = settings.redis().uri().orElseThrow(() -> new IllegalStateException("redis.uri is required when state.kind=redis"))
                .reveal();
        RedisLiveState live = RedisLiveState.create(uri, ROUTING_REDIS_PREFIX, settings.node().id());
        long every = RedisLiveState.DEFAULT_NODE_LEASE.toMillis() / 3;
        vertx.setPeriodic(every, id -> vertx.executeBlocking(() -> {
            live.heartbeat(RedisLiveState.DEFAULT_NODE_LEASE);
            Instant now = clock.instant();
            Map<String, String> returned = live.sweep(now, now.minus(STALE_OFFER));
            if (!returned.isEmpty()) {
                LOG.info("returned {} offer(s) of lapsed nodes or stale offers to their queues", returned.size());
            }
            List<LiveItem> ended = live.sweepWrapUps(now);
            if (!ended.isEmpty()) {
                LOG.info("ended {} wrap-up(s) held by lapsed nodes; their agents' slots are free", ended.size());
            }
            if (engine.get() != null && (!returned.isEmpty() || !ended.isEmpty())) {
                // The history misses no transition: the engine records what the sweep did.
                engine.get().recordSwept(returned, ended);
            }
            return null;
        }, false).onFailure(e -> LOG.warn("routing lease renewal or sweep failed: {}", e.getMessage())));
        return live;
    }

    /** The console (sign-in, pages) at {@code /console} and the web chat at {@code /chat}. */
    private static void addConsoleAndChat(Server.Builder builder, Settings settings, Adapters adapters, Services services,
            Clock clock) {
        UserDirectory users = new UserDirectory(adapters.records(), PasswordHasher.createDefault());
        ConsoleSessions sessions = new ConsoleSessions(adapters.records(), users, clock, ConsoleSessions.DEFAULT_TTL);
        builder.routes((vertx, router) -> router.route("/console/*").subRouter(new ConsoleRoutes(sessions).router(vertx)));

        TrustedProxies proxies = new TrustedProxies(settings.http().trustedProxies(), settings.http().forwardedHeader());
        BusinessCalendar calendar = services.deadlines().calendar();
        OpeningHours chatHours = services.catalog().queue("general").map(q -> q.openingHours())
                .orElseGet(() -> OpeningHours.alwaysOpen(calendar.zone()));
        ChatChannel[] chat = new ChatChannel[1];
        BusChatRouting[] routing = new BusChatRouting[1];
        builder.routes((vertx, router) -> {
            // routing of this node over the event bus; offers are also copied to cluster events so that an agent
            // connected here gets the offers of another node's engine once routing's live state is shared
            routing[0] = BusChatRouting.create(vertx, adapters.clusterEvents(), users::profile,
                    category -> services.catalog().find(category).map(c -> c.queue()).orElse("general"),
                    services.catalog().queues().stream().map(q -> q.code()).toList(), clock);
            ChatOptions options = new ChatOptions().setIdleTimeout(settings.chat().idleTimeout())
                    .setMaxTextChars(settings.chat().maxMessageChars())
                    .setMaxAttachmentBytes(Math.min(settings.attachments().maxBytes(), ChatOptions.DEFAULT_MAX_ATTACHMENT_BYTES));
            settings.chat().allowedOrigins().forEach(options::addAllowedOrigin);
            ChatChannel.Dependencies dependencies = ChatChannel.Dependencies
                    .of(adapters.records(), adapters.clusterEvents(), services.intake(), routing[0])
                    .withClock(clock)
                    .withOpeningHours(at -> chatHours.isOpen(at.atZone(calendar.zone()))
                            && calendar.isBusinessDay(at.atZone(calendar.zone()).toLocalDate()))
                    .withAnswers(ChatServices.SelfServiceAnswers.of(services.answers()))
                    .withCases(ChatServices.CaseStatusLookup.of(services.intake()))
                    .withAttachments(services.attachments())
                    .withAgents(token -> sessions.userOf(token).filter(u -> u.hasRole(Role.AGENT))
                            .map(u -> new ChatOptions.AgentUser(u.id(), u.displayName())));
            chat[0] = ChatChannel.create(vertx, options, dependencies).clientAddress(request -> proxies.resolve(
                    request.remoteAddress() == null ? "0.0.0.0" : request.remoteAddress().hostAddress(), request.scheme(),
                    name -> request.headers().getAll(name)).ip());
            router.route("/chat/*").subRouter(chat[0].router());
        });
        builder.closeOnStop(() -> {
            if (chat[0] != null) {
                chat[0].close().await(5, TimeUnit.SECONDS);
            }
            if (routing[0] != null) {
                routing[0].close();
            }
        });
    }

    /** The catalog, the trained classifier, intake and attachments, configured for the entity. */
    static Services services(Settings settings, Adapters adapters, Clock clock) {
        Catalog catalog = CatalogLoader.demo();
        Classifier classifier = Classifier.train(catalog);
        BusinessCalendar calendar = BusinessCalendar.colombia(clock).withZone(settings.entity().timeZone());
        Deadlines deadlines = new Deadlines(calendar);
        DefaultIntakeService intake = new DefaultIntakeService(adapters.records(), catalog, classifier, deadlines,
                settings.entity().radicadoPrefix().orElse(""), Survivorship.trusting("registraduria", "secretaria-salud"));
        Settings.Attachments a = settings.attachments();
        AttachmentSettings attachmentSettings = AttachmentSettings.defaults(a.directory()).withMaxBytes(a.maxBytes())
                .withRetention(Duration.ofDays(a.retentionDays())).withClock(clock);
        if (a.clamd().isPresent()) {
            attachmentSettings = attachmentSettings.withVirusScanner(ClamAvScanner.create(a.clamd().get().host(), a.clamd().get().port()));
        }
        return new Services(catalog, classifier, intake, FileSystemAttachments.create(attachmentSettings), deadlines,
                AnswersLoader.demo(catalog), new CallbackRequests(adapters.records(), catalog, calendar));
    }

    /** Where files of the node go: the folder of the H2 database file, or {@code ./data}. */
    static Path dataDirectory(Settings settings) {
        String url = settings.database().url();
        if (settings.database().kind() == Settings.DatabaseKind.H2 && url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length());
            int options = file.indexOf(';');
            Path parent = Path.of(options < 0 ? file : file.substring(0, options)).getParent();
            if (parent != null) {
                return parent;
            }
        }
        return Path.of("data");
    }

    /** The adapters of every port this node uses; on failure, those already opened are closed. */
    static Adapters adapters(Settings settings, Clock clock) {
        RecordStore records = recordStore(settings.database(), clock);
        try {
            return switch (settings.state().kind()) {
                case MEMORY -> new Adapters(records, MemoryLeases.create(clock), MemoryClusterEvents.create());
                case REDIS -> redisAdapters(records, settings.redis());
                default -> throw new IllegalStateException("unhandled state kind " + settings.state().kind());
            };
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** The records port for {@code database.kind}. */
    static RecordStore recordStore(Settings.Database database, Clock clock) {
        return switch (database.kind()) {
            case MEMORY -> MemoryRecordStore.create(clock);
            case H2 -> JdbcRecordStore.create(jdbcSettings(database, withH2Options(database.url())), clock);
            case POSTGRES -> JdbcRecordStore.create(jdbcSettings(database, database.url()), clock);
            default -> throw new IllegalStateException("unhandled database kind " + database.kind());
        };
    }

    private static Adapters redisAdapters(RecordStore records, Settings.Redis redis) {
        String uri = redis.uri().orElseThrow(() -> new IllegalStateException("redis.uri is required when state.kind=redis")).reveal();
        Leases leases = RedisLeases.create(uri);
        try {
            return new Adapters(records, leases, RedisClusterEvents.create(uri));
        } catch (RuntimeException e) {
            leases.close();
            throw e;
        }
    }

    private static JdbcSettings jdbcSettings(Settings.Database database, String url) {
        return new JdbcSettings(url, database.user(), database.password().reveal(), database.maxPoolSize(),
                JdbcSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * The H2 URL with the durability options of {@link JdbcSettings#H2_OPTIONS} added, except those the operator set
     * in the URL already (an acknowledged contact must survive {@code kill -9}).
     */
    static String withH2Options(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        for (String option : JdbcSettings.H2_OPTIONS.split(";")) {
            if (option.isEmpty()) {
                continue;
            }
            String name = option.substring(0, option.indexOf('=')).toUpperCase(Locale.ROOT);
            if (!upper.contains(";" + name + "=")) {
                result.append(';').append(option);
            }
        }
        return result.toString();
    }
}
