package org.ventanilla.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class InitialPasswordsFileTest {

    @TempDir
    Path directory;

    private static Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD");
        passwords.put("sergio.pardo", "Hb8sN5jLkT2wQz6rYm4E");
        return passwords;
    }

    @Test
    void theFileShouldBeReadableAndWritableByItsOwnerOnly() throws IOException {
        Path file = directory.resolve("initial-passwords.txt");

        InitialPasswordsFile.write(file, passwords());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).contains("ana.gomez\tXq7fK2mPzR4tW9vBn3cD",
                "sergio.pardo\tHb8sN5jLkT2wQz6rYm4E");
        assertThat(Files.readString(file)).startsWith("# Ventanilla");
    }

    @Test
    void anOlderWorldReadableFileShouldBeReplacedAndLockedDown() throws IOException {
        Path file = directory.resolve("initial-passwords.txt");
        Files.writeString(file, "old contents");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        InitialPasswordsFile.write(file, passwords());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("old contents");
        try (var entries = Files.list(directory)) {
            assertThat(entries).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aMissingDirectoryShouldFailWithoutShowingPasswords() {
        Path file = directory.resolve("no-such-dir").resolve("initial-passwords.txt");

        assertThatThrownBy(() -> InitialPasswordsFile.write(file, passwords()))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("initial-passwords.txt")
                .hasMessageNotContaining("Xq7fK2mPzR4tW9vBn3cD");
    }
}
