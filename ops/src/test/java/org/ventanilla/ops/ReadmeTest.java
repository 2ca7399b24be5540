package org.ventanilla.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ventanilla.ops.config.ConfigKey;
import org.ventanilla.ops.config.ConfigKeys;

/** The README is the operators' reference: it must name every configuration key and the two commands. */
class ReadmeTest {

    private static String readme() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path file = Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("ops")) ? here.resolve("README.md")
                : here.getParent().resolve("README.md");
        return Files.readString(file);
    }

    @Test
    void readmeDocumentsEveryConfigurationKeyAndItsEnvironmentVariable() throws IOException {
        String readme = readme();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(readme).as("README documents %s", key.path()).contains("`" + key.path() + "`").contains(key.envName());
        }
    }

    @Test
    void readmeGivesTheRunAndTestCommands() throws IOException {
        String readme = readme();
        assertThat(readme).contains("java -jar ops/target/ventanilla.jar").contains("ops/test.sh");
    }
}
