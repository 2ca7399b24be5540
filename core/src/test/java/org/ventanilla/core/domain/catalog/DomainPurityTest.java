package org.ventanilla.core.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The catalog, answers, classification and users packages stay plain domain code. */
class DomainPurityTest {

    private static final List<String> PACKAGES = List.of("catalog", "answers", "classification", "users");
    private static final List<String> FORBIDDEN = List.of("import io.vertx", "import java.sql", "import javax.sql", "import io.lettuce",
            "import org.ventanilla.core.adapter", "import org.ventanilla.core.demo");

    @Test
    void domainSourcesShouldNotImportVertxJdbcRedisAdaptersOrLoaders() throws IOException {
        Path root = Path.of("src/main/java/org/ventanilla/core/domain");
        assertThat(root).as("run from the core module directory").isDirectory();
        int checked = 0;
        for (String name : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve(name))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (String forbidden : FORBIDDEN) {
                        assertThat(source).as("%s", file).doesNotContain(forbidden);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
