package org.ventanilla.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.adapter.jdbc.JdbcRecordStore;
import org.ventanilla.core.adapter.jdbc.JdbcSettings;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.UserDirectory;

class DemoSeederTest {

    private static final Catalog CATALOG = CatalogLoader.demo();
    private static final PasswordHasher.Settings CHEAP = new PasswordHasher.Settings(64, 1, 1);

    @TempDir
    Path dir;

    private DemoSeeder.SeedResult seed(RecordStore store, Path file) {
        return DemoSeeder.seedIfEmpty(store, file, new SecureRandom(), CATALOG, CHEAP);
    }

    private static Map<String, String> readPasswords(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] parts = line.split("\t");
                passwords.put(parts[0], parts[1]);
            }
        }
        return passwords;
    }

    private static Map<String, String> hashes(UserDirectory users) {
        return users.users().stream().collect(Collectors.toMap(User::username, User::passwordHash));
    }

    @Test
    void anEmptyStoreGetsEveryDemoUserWithAProfileAndAPasswordThatSignsIn() throws IOException {
        Path file = dir.resolve("initial-passwords.txt");
        try (RecordStore store = MemoryRecordStore.create()) {
            DemoSeeder.SeedResult result = seed(store, file);

            List<String> expected = DemoUsers.load(CATALOG).users().stream().map(User::username).toList();
            assertThat(result.seeded()).isTrue();
            assertThat(result.file()).contains(file.toAbsolutePath());
            assertThat(result.usernames()).containsExactlyElementsOf(expected);
            Map<String, String> passwords = readPasswords(file);
            assertThat(passwords.keySet()).containsExactlyElementsOf(expected);
            assertThat(passwords.values()).allSatisfy(p -> assertThat(p).hasSize(DemoUsers.PASSWORD_LENGTH)).doesNotHaveDuplicates();

            UserDirectory users = new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom()));
            for (Map.Entry<String, String> entry : passwords.entrySet()) {
                assertThat(users.authenticate(entry.getKey(), entry.getValue().toCharArray())).as(entry.getKey()).isPresent();
            }
            assertThat(hashes(users).values()).allSatisfy(h -> assertThat(h).startsWith(PasswordHasher.PREFIX))
                    .noneMatch(passwords::containsValue);
            assertThat(users.agents()).isNotEmpty().allSatisfy(a -> assertThat(a.profile()).isNotNull());
            assertThat(users.users()).anySatisfy(u -> assertThat(u.roles()).contains(Role.ADMINISTRATOR));
        }
    }

    @Test
    void thePasswordsFileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("initial-passwords.txt");
        try (RecordStore store = MemoryRecordStore.create()) {
            seed(store, file);
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(InitialPasswordsFile.OWNER_ONLY);
    }

    @Test
    void aRestartOnH2KeepsThePasswordsFileAndTheHashes() throws IOException {
        Path file = dir.resolve("initial-passwords.txt");
        Path data = Files.createDirectories(dir.resolve("data"));
        Map<String, String> hashesBefore;
        try (RecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(data))) {
            assertThat(seed(store, file).seeded()).isTrue();
            hashesBefore = hashes(new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom())));
        }
        byte[] contentBefore = Files.readAllBytes(file);
        FileTime modifiedBefore = Files.getLastModifiedTime(file);

        try (RecordStore store = JdbcRecordStore.create(JdbcSettings.h2File(data))) {
            DemoSeeder.SeedResult second = seed(store, file);

            assertThat(second.seeded()).isFalse();
            assertThat(second.file()).isEmpty();
            assertThat(second.usernames()).isEmpty();
            assertThat(hashes(new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom())))).isEqualTo(hashesBefore);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(contentBefore);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modifiedBefore);
    }

    @Test
    void aStoreWithAnyUserIsLeftAloneAndNoFileIsWritten() {
        Path file = dir.resolve("initial-passwords.txt");
        try (RecordStore store = MemoryRecordStore.create()) {
            UserDirectory users = new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom()));
            users.create(new User("usr-admin", "admin", "Administración", EnumSet.of(Role.ADMINISTRATOR), null, null, true));

            assertThat(seed(store, file).seeded()).isFalse();
            assertThat(file).doesNotExist();
            assertThat(users.users()).extracting(User::username).containsExactly("admin");
        }
    }

    @Test
    void whenThePasswordsFileCannotBeWrittenNothingIsStored() {
        Path file = dir.resolve("no-such-directory").resolve("initial-passwords.txt");
        try (RecordStore store = MemoryRecordStore.create()) {
            assertThatThrownBy(() -> seed(store, file))
                    .isInstanceOf(VentanillaException.class);
            assertThat(new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom())).hasUsers()).isFalse();
        }
    }
}
