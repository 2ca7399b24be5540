package org.ventanilla.core.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.UserDirectory;

/**
 * Puts the demo staff into an empty store (the embedded default's first start): random initial passwords, stored
 * only as Argon2id hashes, handed to the operator in a file only the server's user can read
 * ({@link InitialPasswordsFile}), whose path is logged once. A store that has any user is left alone, so a restart
 * never regenerates passwords.
 *
 * <p>The users, their profiles and the file are written in one transaction: when the file cannot be written
 * nothing is stored and the next start tries again. Passwords are never logged.
 */
public final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private DemoSeeder() {
    }

    /** Seeds the demo users of the demo catalog with {@link PasswordHasher.Settings#DEFAULT}. */
    public static SeedResult seedIfEmpty(RecordStore store, Path passwordsFile, SecureRandom random) {
        return seedIfEmpty(store, passwordsFile, random, CatalogLoader.demo(), PasswordHasher.Settings.DEFAULT);
    }

    /**
     * Seeds the demo users (checked against {@code catalog}) when the store has no user yet.
     *
     * @param store the records store
     * @param passwordsFile where to write the initial passwords ({@code rw-------})
     * @param random source of the passwords and of the salts
     * @param catalog the catalog whose teams and queues the users name
     * @param hashing Argon2id cost settings of the stored hashes
     */
    public static SeedResult seedIfEmpty(RecordStore store, Path passwordsFile, SecureRandom random, Catalog catalog,
            PasswordHasher.Settings hashing) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(passwordsFile, "passwordsFile");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(hashing, "hashing");
        if (store.inTransaction(UserDirectory::hasUsers)) {
            LOG.info("users exist already: demo users not seeded, initial passwords not regenerated");
            return SeedResult.NOTHING;
        }
        DemoUsers demo = DemoUsers.load(catalog);
        Map<String, String> passwords = demo.generateInitialPasswords(random);
        // Hashing takes a tenth of a second per user: done before the transaction, so it holds no connection meanwhile.
        List<User> users = demo.withPasswords(passwords, new PasswordHasher(hashing, random));
        Path file = passwordsFile.toAbsolutePath();
        boolean seeded = store.inTransaction(tx -> {
            if (UserDirectory.hasUsers(tx)) {
                return false;
            }
            for (User user : users) {
                UserDirectory.create(tx, user);
            }
            for (AgentProfile profile : demo.profiles().values()) {
                UserDirectory.saveProfile(tx, profile);
            }
            InitialPasswordsFile.write(file, passwords);
            return true;
        });
        if (!seeded) {
            LOG.info("users were created meanwhile: demo users not seeded");
            return SeedResult.NOTHING;
        }
        List<String> usernames = users.stream().map(User::username).toList();
        LOG.warn("seeded {} demo users; their initial passwords are in {} (readable by this user only): "
                + "sign in, change them, then delete the file", usernames.size(), file);
        return new SeedResult(true, file, usernames);
    }

    /**
     * What seeding did.
     *
     * @param seeded whether users were stored now
     * @param passwordsFile the file with the initial passwords, null when nothing was seeded
     * @param usernames the usernames stored, in the demo file's order (empty when nothing was seeded)
     */
    public record SeedResult(boolean seeded, Path passwordsFile, List<String> usernames) {

        /** Nothing seeded: users existed already. */
        public static final SeedResult NOTHING = new SeedResult(false, null, List.of());

        public SeedResult {
            usernames = List.copyOf(usernames);
            if (seeded && passwordsFile == null) {
                throw new IllegalArgumentException("a seeding that stored users has a passwords file");
            }
        }

        /** The passwords file, when users were seeded now. */
        public Optional<Path> file() {
            return Optional.ofNullable(passwordsFile);
        }
    }
}
