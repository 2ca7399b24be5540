package org.ventanilla.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency rules of routing's packages, checked by scanning the imports of the main sources. */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/ventanilla/routing");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    @Test
    void theApiPackageNeedsOnlyTheJdkAndCoreErrors() {
        assertThat(imports("api")).allMatch(name -> name.startsWith("java.") || name.equals("org.ventanilla.core.error")
                || name.startsWith("org.ventanilla.routing.api"));
    }

    @Test
    void theModelAndTheEngineArePlainJava() {
        List<String> used = new ArrayList<>(imports("model"));
        used.addAll(imports("engine"));
        used.addAll(imports("state"));
        assertThat(used).noneMatch(name -> name.startsWith("io.vertx") || name.startsWith("io.lettuce") || name.startsWith("java.sql"));
    }

    @Test
    void lowerPackagesDoNotReachUp() {
        assertThat(imports("model")).noneMatch(name -> name.startsWith("org.ventanilla.routing.engine")
                || name.startsWith("org.ventanilla.routing.state"));
        assertThat(imports("state")).noneMatch(name -> name.startsWith("org.ventanilla.routing.engine"));
    }

    @Test
    void routingNeverUsesChannelsOrTheAgentConsole() {
        List<String> used = new ArrayList<>();
        for (String pkg : List.of("api", "model", "state", "engine")) {
            used.addAll(imports(pkg));
        }
        assertThat(used).isNotEmpty().noneMatch(name -> name.startsWith("org.ventanilla.channels")
                || name.startsWith("org.ventanilla.console") || name.startsWith("org.ventanilla.agentconsole"));
    }

    @Test
    void theRedisAdapterStaysBelowTheEngine() {
        assertThat(imports("state/redis")).noneMatch(name -> name.startsWith("org.ventanilla.routing.engine"));
    }

    /** The imports of one package's own files (sub-packages such as the Redis adapter are checked on their own). */
    private static List<String> imports(String pkg) {
        List<String> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg), 1)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    result.add(matcher.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(result).as("imports of package " + pkg).isNotEmpty();
        return result;
    }
}
