package org.ventanilla.core.domain.users;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A staff user of the console.
 *
 * @param id           stable id, for example {@code "usr-ana-gomez"}
 * @param username     sign-in name: lower case, 3 to 40 of letters, digits, '.', '_' or '-', starting with a letter
 * @param displayName  name shown in the console
 * @param roles        one or more roles
 * @param passwordHash encoded Argon2id hash from {@link PasswordHasher}, or null while no password is set
 *                     (such a user cannot sign in)
 * @param team         code of the user's team; required for back-office users, optional otherwise
 * @param enabled      whether the user may sign in
 */
public record User(String id, String username, String displayName, Set<Role> roles, String passwordHash, String team,
        boolean enabled) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,39}");

    public User {
        if (id == null || !ID.matcher(id).matches() || id.length() > 60) {
            throw invalid("user id '" + id + "' is not a lower-case code like 'usr-ana-gomez'");
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("username of user '" + id + "' must be 3 to 40 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw invalid("display name of user '" + id + "' must be 1 to 120 characters");
        }
        displayName = displayName.strip();
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw invalid("user '" + id + "' has no role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        if (passwordHash != null && !passwordHash.startsWith(PasswordHasher.PREFIX)) {
            throw invalid("password hash of user '" + id + "' is not an Argon2id hash");
        }
        if (team != null && !ID.matcher(team).matches()) {
            throw invalid("team '" + team + "' of user '" + id + "' is not a team code");
        }
        if (roles.contains(Role.BACK_OFFICE) && team == null) {
            throw invalid("back-office user '" + id + "' has no team");
        }
    }

    /** Whether the user has that role. */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the user may sign in now: enabled and with a password. */
    public boolean canSignIn() {
        return enabled && passwordHash != null;
    }

    /** This user with another password hash. */
    public User withPasswordHash(String hash) {
        return new User(id, username, displayName, roles, hash, team, enabled);
    }

    /** This user enabled or disabled. */
    public User withEnabled(boolean value) {
        return new User(id, username, displayName, roles, passwordHash, team, value);
    }

    @Override
    public String toString() {
        // Never the hash: it would help an offline guess.
        return "User[id=" + id + ", username=" + username + ", roles=" + roles + ", team=" + team + ", enabled=" + enabled
                + ", password=" + (passwordHash == null ? "unset" : "set") + "]";
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
