package org.ventanilla.core.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.vertx.core.json.JsonObject;

import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.ChannelCapacity;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The demo staff (format {@code ventanilla-users/1}, see {@code demo/users.json}): agents with varied
 * skills and languages, one back-office user per team, a supervisor and an administrator. The file holds
 * no passwords: {@link #generateInitialPasswords} makes random ones at first start, {@link #withPasswords}
 * stores only their hashes, and {@link InitialPasswordsFile} hands them to the operator in a file only the
 * server's user can read.
 */
public final class DemoUsers {

    /** The demo users on the classpath. */
    public static final String DEMO_RESOURCE = "demo/users.json";

    /** The format this loader reads. */
    public static final String FORMAT = "ventanilla-users/1";

    /** Length of generated passwords: about 116 bits from {@link #PASSWORD_ALPHABET}. */
    public static final int PASSWORD_LENGTH = 20;

    /** Letters and digits without the ones people confuse (0/O, 1/l/I). */
    static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final List<User> users;
    private final Map<String, AgentProfile> profiles;

    private DemoUsers(List<User> users, Map<String, AgentProfile> profiles) {
        this.users = List.copyOf(users);
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /** The demo users, checked against the catalog (teams and queues must exist). */
    public static DemoUsers load(Catalog catalog) {
        return parse(DemoResources.readClasspath(DEMO_RESOURCE), DEMO_RESOURCE, catalog);
    }

    /**
     * Parses users and checks them: unique ids and usernames, known teams and queues, a profile for every
     * agent. Failures are {@link ErrorCode#INVALID_INPUT} naming {@code source}.
     */
    public static DemoUsers parse(String json, String source, Catalog catalog) {
        JsonObject root = DemoResources.parse(json, source);
        String format = DemoResources.requiredString(root, "format", source);
        if (!FORMAT.equals(format)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    source + ": format '" + format + "' is not supported (expected '" + FORMAT + "')");
        }
        List<User> users = new ArrayList<>();
        Map<String, AgentProfile> profiles = new LinkedHashMap<>();
        Set<String> usernames = new LinkedHashSet<>();
        for (JsonObject entry : DemoResources.objects(root, "users", source)) {
            String where = source + " user " + entry.getValue("id");
            if (entry.containsKey("password") || entry.containsKey("passwordHash")) {
                throw DemoResources.invalid(where, "password", "must not be in the file: initial passwords are generated");
            }
            User user = new User(DemoResources.requiredString(entry, "id", where),
                    DemoResources.requiredString(entry, "username", where), DemoResources.string(entry, "displayName", where),
                    roles(entry, where), null, DemoResources.string(entry, "team", where),
                    DemoResources.bool(entry, "enabled", where, true));
            if (user.team() != null && catalog.team(user.team()).isEmpty()) {
                throw DemoResources.invalid(where, "team", "names unknown team '" + user.team() + "'");
            }
            if (profiles.containsKey(user.id()) || users.stream().anyMatch(u -> u.id().equals(user.id()))) {
                throw DemoResources.invalid(where, "id", "appears twice");
            }
            if (!usernames.add(user.username())) {
                throw DemoResources.invalid(where, "username", "'" + user.username() + "' appears twice");
            }
            users.add(user);
            if (entry.containsKey("agent")) {
                profiles.put(user.id(), profile(user.id(), DemoResources.object(entry, "agent", where), where, catalog));
            } else if (user.hasRole(Role.AGENT)) {
                throw DemoResources.invalid(where, "agent", "is required for a user with role AGENT");
            }
        }
        return new DemoUsers(users, profiles);
    }

    private static Set<Role> roles(JsonObject json, String where) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : DemoResources.strings(json, "roles", where)) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw DemoResources.invalid(where, "roles", "has '" + role + "'; allowed: AGENT, BACK_OFFICE, SUPERVISOR, ADMINISTRATOR");
            }
        }
        return roles;
    }

    private static AgentProfile profile(String userId, JsonObject json, String where, Catalog catalog) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        JsonObject skillsJson = DemoResources.object(json, "skills", where + " agent");
        for (String skill : skillsJson.fieldNames()) {
            skills.put(skill, DemoResources.integer(skillsJson, skill, where + " agent skills", 0));
        }
        List<String> queues = DemoResources.strings(json, "queues", where + " agent");
        for (String queue : queues) {
            if (catalog.queue(queue).isEmpty()) {
                throw DemoResources.invalid(where, "agent.queues", "names unknown queue '" + queue + "'");
            }
        }
        ChannelCapacity capacity = ChannelCapacity.DEFAULT;
        if (json.containsKey("capacity")) {
            JsonObject c = DemoResources.object(json, "capacity", where + " agent");
            String at = where + " agent capacity";
            capacity = new ChannelCapacity(DemoResources.integer(c, "voice", at, ChannelCapacity.DEFAULT.voice()),
                    DemoResources.integer(c, "chat", at, ChannelCapacity.DEFAULT.chat()),
                    DemoResources.integer(c, "email", at, ChannelCapacity.DEFAULT.email()),
                    DemoResources.bool(c, "voiceExclusive", at, ChannelCapacity.DEFAULT.voiceExclusive()));
        }
        return new AgentProfile(userId, skills, DemoResources.strings(json, "languages", where + " agent"), new LinkedHashSet<>(queues),
                capacity);
    }

    /** The users, in file order, without password hashes. */
    public List<User> users() {
        return users;
    }

    /** Agent profiles by user id. */
    public Map<String, AgentProfile> profiles() {
        return profiles;
    }

    /**
     * A fresh random password for every user, by username, in file order. Show them once (see
     * {@link InitialPasswordsFile}) and never log them.
     */
    public Map<String, String> generateInitialPasswords(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        Map<String, String> passwords = new LinkedHashMap<>();
        for (User user : users) {
            StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
            for (int i = 0; i < PASSWORD_LENGTH; i++) {
                password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
            }
            passwords.put(user.username(), password.toString());
        }
        return Collections.unmodifiableMap(passwords);
    }

    /** The users with the hashes of their passwords (by username); users missing from the map keep no password. */
    public List<User> withPasswords(Map<String, String> passwords, PasswordHasher hasher) {
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(hasher, "hasher");
        List<User> result = new ArrayList<>(users.size());
        for (User user : users) {
            String password = passwords.get(user.username());
            result.add(password == null ? user : user.withPasswordHash(hasher.hash(password.toCharArray())));
        }
        return List.copyOf(result);
    }
}
