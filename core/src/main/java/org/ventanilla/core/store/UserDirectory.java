package org.ventanilla.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordLimits;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.port.RecordTransaction;
import org.ventanilla.core.port.StoredRecord;

/**
 * Staff users and agent profiles in the records port. Usernames are unique (a lookup key), password hashes come
 * from {@link PasswordHasher}, and sign-in spends the same work whether or not the username exists.
 *
 * <p>Never logs a password or a hash; user ids and usernames are staff data and may be logged.
 */
public final class UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

    private final RecordStore store;
    private final PasswordHasher hasher;

    public UserDirectory(RecordStore store, PasswordHasher hasher) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** The hasher new passwords are hashed with. */
    public PasswordHasher hasher() {
        return hasher;
    }

    /**
     * Stores a new user.
     *
     * @throws VentanillaException CONFLICT when the id or the username is taken
     */
    public User create(User user) {
        User created = store.inTransaction(tx -> create(tx, user));
        LOG.info("user {} ({}) created with roles {}", created.id(), created.username(), created.roles());
        return created;
    }

    /** Stores a new user inside the caller's transaction. */
    public static User create(RecordTransaction tx, User user) {
        Objects.requireNonNull(user, "user");
        if (!tx.claimKey(RecordKinds.USER_BY_USERNAME, user.username(), user.id())) {
            throw new VentanillaException(ErrorCode.CONFLICT, "username '" + user.username() + "' is taken");
        }
        if (tx.get(RecordKinds.USER, user.id()).isPresent()) {
            throw new VentanillaException(ErrorCode.CONFLICT, "user id '" + user.id() + "' is taken");
        }
        tx.insert(RecordKinds.USER, user.id(), StaffJson.user(user));
        return user;
    }

    /**
     * Replaces a user's name, roles, team, enabled flag and username; the stored password hash is kept (change it
     * with {@link #changePassword}).
     *
     * @throws VentanillaException NOT_FOUND for an unknown id, CONFLICT when the new username is taken
     */
    public User update(User user) {
        Objects.requireNonNull(user, "user");
        User updated = store.inTransaction(tx -> {
            StoredRecord stored = requireRecord(tx, user.id());
            User current = StaffJson.user(stored.json());
            if (!current.username().equals(user.username())) {
                if (!tx.claimKey(RecordKinds.USER_BY_USERNAME, user.username(), user.id())) {
                    throw new VentanillaException(ErrorCode.CONFLICT, "username '" + user.username() + "' is taken");
                }
                tx.releaseKey(RecordKinds.USER_BY_USERNAME, current.username());
            }
            User next = user.withPasswordHash(current.passwordHash());
            tx.update(RecordKinds.USER, user.id(), stored.version(), StaffJson.user(next));
            return next;
        });
        LOG.info("user {} ({}) updated: roles {}, enabled {}", updated.id(), updated.username(), updated.roles(), updated.enabled());
        return updated;
    }

    /** Enables or disables sign-in of a user. */
    public User setEnabled(String userId, boolean enabled) {
        User user = findById(userId).orElseThrow(() -> notFound(userId));
        return update(user.withEnabled(enabled));
    }

    /**
     * Stores or replaces an agent profile.
     *
     * @throws VentanillaException NOT_FOUND when the user does not exist, INVALID_INPUT when the user is not an agent
     */
    public AgentProfile saveProfile(AgentProfile profile) {
        store.inTransaction(tx -> saveProfile(tx, profile));
        LOG.info("agent profile of {} saved: skills {}, queues {}", profile.userId(), profile.skills().keySet(), profile.queues());
        return profile;
    }

    /** Stores or replaces an agent profile inside the caller's transaction. */
    public static AgentProfile saveProfile(RecordTransaction tx, AgentProfile profile) {
        Objects.requireNonNull(profile, "profile");
        User user = StaffJson.user(requireRecord(tx, profile.userId()).json());
        if (!user.hasRole(Role.AGENT)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "user '" + user.id() + "' is not an agent: no agent profile");
        }
        Optional<StoredRecord> existing = tx.get(RecordKinds.AGENT_PROFILE, profile.userId());
        if (existing.isPresent()) {
            tx.update(RecordKinds.AGENT_PROFILE, profile.userId(), existing.get().version(), StaffJson.profile(profile));
        } else {
            tx.insert(RecordKinds.AGENT_PROFILE, profile.userId(), StaffJson.profile(profile));
        }
        return profile;
    }

    /** The user of that id. */
    public Optional<User> findById(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > RecordLimits.MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return store.inTransaction(tx -> tx.get(RecordKinds.USER, userId).map(r -> StaffJson.user(r.json())));
    }

    /** The user with that username. */
    public Optional<User> findByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > RecordLimits.MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return store.inTransaction(tx -> byUsername(tx, username));
    }

    /** The agent profile of a user. */
    public Optional<AgentProfile> profile(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > RecordLimits.MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return store.inTransaction(tx -> tx.get(RecordKinds.AGENT_PROFILE, userId).map(r -> StaffJson.profile(r.json())));
    }

    /** Every user, by username. */
    public List<User> users() {
        return store.inTransaction(tx -> tx.keysWithPrefix(RecordKinds.USER_BY_USERNAME, "", RecordLimits.MAX_LIST_LIMIT).stream()
                .map(k -> tx.get(RecordKinds.USER, k.id()).map(r -> StaffJson.user(r.json())))
                .flatMap(Optional::stream)
                .toList());
    }

    /** Every user with the AGENT role, with their profile, by username. */
    public List<Agent> agents() {
        return store.inTransaction(tx -> {
            List<Agent> agents = new ArrayList<>();
            for (RecordTransaction.KeyEntry key : tx.keysWithPrefix(RecordKinds.USER_BY_USERNAME, "", RecordLimits.MAX_LIST_LIMIT)) {
                Optional<User> user = tx.get(RecordKinds.USER, key.id()).map(r -> StaffJson.user(r.json()));
                if (user.isPresent() && user.get().hasRole(Role.AGENT)) {
                    Optional<AgentProfile> profile = tx.get(RecordKinds.AGENT_PROFILE, key.id()).map(r -> StaffJson.profile(r.json()));
                    agents.add(new Agent(user.get(), profile.orElse(null)));
                }
            }
            return List.copyOf(agents);
        });
    }

    /** Whether at least one user exists. */
    public boolean hasUsers() {
        return store.inTransaction(UserDirectory::hasUsers);
    }

    /** Whether at least one user exists, seen from the caller's transaction. */
    public static boolean hasUsers(RecordTransaction tx) {
        return !tx.keysWithPrefix(RecordKinds.USER_BY_USERNAME, "", 1).isEmpty();
    }

    /**
     * The user when the username exists, the user is enabled and the password matches. An unknown username costs
     * the same hashing work as a known one, and a disabled user's password is checked too, so that timing does not
     * tell which usernames exist or are disabled. A hash made with older settings is upgraded on success.
     */
    public Optional<User> authenticate(String username, char[] password) {
        Optional<User> user = findByUsername(username);
        boolean matches = hasher.verify(password, user.map(User::passwordHash).orElse(null));
        if (user.isEmpty() || !matches) {
            LOG.info("sign-in refused: {}", user.isEmpty() ? "unknown username" : "wrong password for " + user.get().id());
            return Optional.empty();
        }
        if (!user.get().canSignIn()) {
            LOG.info("sign-in refused: user {} is disabled", user.get().id());
            return Optional.empty();
        }
        if (hasher.needsRehash(user.get().passwordHash())) {
            return Optional.of(storeHash(user.get().id(), hasher.hash(password)));
        }
        return user;
    }

    /**
     * Sets a new password (an administrator's reset, or after the user proved the current one with
     * {@link #changeOwnPassword}). The caller should clear the array afterwards.
     *
     * @throws VentanillaException NOT_FOUND for an unknown user, INVALID_INPUT for an empty or too long password
     */
    public User changePassword(String userId, char[] newPassword) {
        String hash = hasher.hash(newPassword);
        User user = storeHash(userId, hash);
        LOG.info("password of user {} changed", user.id());
        return user;
    }

    /** Changes a user's own password when the current one is right; false (and nothing changed) otherwise. */
    public boolean changeOwnPassword(String username, char[] currentPassword, char[] newPassword) {
        Optional<User> user = authenticate(username, currentPassword);
        if (user.isEmpty()) {
            return false;
        }
        changePassword(user.get().id(), newPassword);
        return true;
    }

    private User storeHash(String userId, String hash) {
        return store.inTransaction(tx -> {
            StoredRecord stored = requireRecord(tx, userId);
            User next = StaffJson.user(stored.json()).withPasswordHash(hash);
            tx.update(RecordKinds.USER, userId, stored.version(), StaffJson.user(next));
            return next;
        });
    }

    private static Optional<User> byUsername(RecordTransaction tx, String username) {
        return tx.findByKey(RecordKinds.USER_BY_USERNAME, username)
                .flatMap(id -> tx.get(RecordKinds.USER, id))
                .map(r -> StaffJson.user(r.json()));
    }

    private static StoredRecord requireRecord(RecordTransaction tx, String userId) {
        if (userId == null || userId.isBlank() || userId.length() > RecordLimits.MAX_ID_LENGTH) {
            throw notFound(userId);
        }
        return tx.get(RecordKinds.USER, userId).orElseThrow(() -> notFound(userId));
    }

    private static VentanillaException notFound(String userId) {
        return new VentanillaException(ErrorCode.NOT_FOUND, "user '" + userId + "' does not exist");
    }

    /**
     * An agent with their routing profile.
     *
     * @param profile null while no profile has been saved
     */
    public record Agent(User user, AgentProfile profile) {

        public Agent {
            Objects.requireNonNull(user, "user");
        }
    }
}
