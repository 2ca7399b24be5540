package org.ventanilla.ops;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.ops.config.ConfigException;
import org.ventanilla.ops.config.ConfigLoader;
import org.ventanilla.ops.config.Settings;
import org.ventanilla.ops.config.UrlMasking;
import org.ventanilla.ops.config.ValueTypes;
import org.ventanilla.ops.logging.LogSetup;

/**
 * {@code java -jar ventanilla.jar [--config FILE] [--help] [--version]}: loads and checks the configuration, starts
 * the node and says on stdout where its console is; a JVM shutdown hook (SIGTERM) stops it gracefully.
 *
 * <p>This is the command-line face of the server: its help, version, configuration errors and the "ready" line are
 * written to the given streams for the person or the init system that started it; everything else goes to the log.
 */
public final class Main {

    /** Normal end (after {@code --help} or {@code --version}). */
    public static final int EXIT_OK = 0;
    /** The server could not start (port taken, Redis unreachable...). */
    public static final int EXIT_CANNOT_START = 1;
    /** Invalid options or configuration. */
    public static final int EXIT_INVALID_CONFIGURATION = 2;
    /** {@link #run} started the server: the process lives on until it is stopped. */
    static final int RUNNING = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String NAME = "ventanilla";
    /** What the shutdown hook adds to the grace period for closing stores and Vert.x before it gives up waiting. */
    private static final long CLOSE_ALLOWANCE_SECONDS = 30;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv(), Clock.systemUTC());
        if (code != RUNNING) {
            System.exit(code);
        }
    }

    /**
     * Does what the command line asks; returns an exit status, or {@link #RUNNING} when the server is up (its
     * non-daemon threads keep the JVM alive until SIGTERM).
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        Optional<Path> configFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(Help.text());
                out.flush();
                return EXIT_OK;
            } else if (arg.equals("--version") || arg.equals("-V")) {
                out.println("Ventanilla " + Version.current());
                out.flush();
                return EXIT_OK;
            } else if (arg.equals("--config") || arg.equals("-c")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    return usageError(err, "option " + arg + " needs a file name");
                }
                configFile = Optional.of(Path.of(args[++i]));
            } else if (arg.startsWith("--config=")) {
                configFile = Optional.of(Path.of(arg.substring("--config=".length())));
            } else {
                return usageError(err, (arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg
                        + "' (known: --config FILE, --help, --version)");
            }
        }

        Settings settings;
        try {
            settings = ConfigLoader.load(configFile, env);
        } catch (ConfigException e) {
            err.println(NAME + ": the configuration is not valid:");
            e.problems().forEach(problem -> err.println("  " + problem));
            err.println("Run with --help to see every key, its environment variable and what it allows.");
            err.flush();
            return EXIT_INVALID_CONFIGURATION;
        }
        LogSetup.apply(settings.log());
        String database = settings.database().kind() == Settings.DatabaseKind.MEMORY ? "memory (lost at exit)"
                : ValueTypes.configName(settings.database().kind()) + " (" + UrlMasking.mask(settings.database().url()) + ")";
        LOG.info("starting Ventanilla {} as node {}: database {}, live state in {}, HTTP on {}:{}, demo data {}",
                Version.current(), settings.node().id(), database, ValueTypes.configName(settings.state().kind()),
                settings.http().host(), settings.http().port(), settings.demo().enabled() ? "on" : "off");

        Server server;
        Wiring.Node node;
        try {
            node = Wiring.node(settings, clock);
            server = node.server();
            server.start().await();
        } catch (Exception e) {
            // Future.await() rethrows the cause as it is, checked or not (a BindException when the port is taken)
            String reason = reason(e, settings.http());
            LOG.error("cannot start: {}", reason, e);
            err.println(NAME + ": cannot start: " + reason);
            err.flush();
            return EXIT_CANNOT_START;
        }
        long waitSeconds = settings.http().shutdownGrace().toSeconds() + CLOSE_ALLOWANCE_SECONDS;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server, waitSeconds), "ventanilla-shutdown"));

        node.demo().file().ifPresent(file -> out.println("Demo users were created; their initial passwords are in " + file
                + " (readable only by this user; change them at first sign-in). This is printed once."));
        out.println("Ventanilla is ready: console at " + server.consoleUrl() + " , health at " + server.baseUrl() + "/health"
                + ", metrics at " + server.baseUrl() + "/metrics");
        out.flush();
        LOG.info("node {} ready: console at {}", settings.node().id(), server.consoleUrl());
        return RUNNING;
    }

    /** Why the start failed, in words: a VentanillaException names what failed without secrets; a bind failure the port. */
    private static String reason(Exception e, Settings.Http http) {
        if (e instanceof BindException) {
            return "cannot listen on " + http.host() + ":" + http.port() + " (" + e.getMessage() + "); set http.port or free the port";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void stopOnSignal(Server server, long waitSeconds) {
        try {
            server.stop().await(waitSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("graceful shutdown did not finish within {} s; exiting anyway", waitSeconds, e);
        }
    }

    private static int usageError(PrintStream err, String message) {
        err.println(NAME + ": " + message);
        err.println("Usage: java -jar ventanilla.jar [--config FILE] [--help] [--version]");
        err.flush();
        return EXIT_INVALID_CONFIGURATION;
    }
}
