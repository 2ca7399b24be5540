package org.ventanilla.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.adapter.memory.MemoryRecordStore;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.store.UserDirectory;
import org.ventanilla.core.testing.MutableClock;

class ConsoleSessionsTest {

    static final PasswordHasher.Settings CHEAP = new PasswordHasher.Settings(64, 1, 1);
    static final String PASSWORD = "Cafetal-Sabana-2025";

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-10T14:00:00Z"));
    private RecordStore store;
    private UserDirectory users;
    private ConsoleSessions sessions;

    @BeforeEach
    void createUsers() {
        store = MemoryRecordStore.create(clock);
        users = directoryWithUsers(store);
        sessions = new ConsoleSessions(store, users, clock, Duration.ofHours(10));
    }

    /** Ana (agent), Sergio (supervisor) and Lucía (disabled agent), all with {@link #PASSWORD}. */
    static UserDirectory directoryWithUsers(RecordStore store) {
        UserDirectory users = new UserDirectory(store, new PasswordHasher(CHEAP, new SecureRandom()));
        String hash = users.hasher().hash(PASSWORD.toCharArray());
        users.create(new User("usr-ana-gomez", "ana.gomez", "Ana María Gómez Restrepo", EnumSet.of(Role.AGENT), hash,
                "atencion-ciudadano", true));
        users.create(new User("usr-sergio-pardo", "sergio.pardo", "Sergio Pardo Ñústez", EnumSet.of(Role.SUPERVISOR), hash, null, true));
        users.create(new User("usr-lucia-mejia", "lucia.mejia", "Lucía Mejía Ocampo", EnumSet.of(Role.AGENT), hash, null, false));
        return users;
    }

    @Test
    void aRightPasswordGivesATokenThatNamesTheUserAndOnlyItsDigestIsStored() throws Exception {
        ConsoleSessions.Session session = sessions.signIn("ana.gomez", PASSWORD.toCharArray()).orElseThrow();

        assertThat(session.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
        assertThat(session.toString()).doesNotContain(session.token()).contains("ana.gomez");
        assertThat(sessions.userOf(session.token())).map(User::displayName).contains("Ana María Gómez Restrepo");

        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(session.token().getBytes(StandardCharsets.UTF_8)));
        String stored = store.inTransaction(tx -> tx.get(ConsoleSessions.KIND, digest)).orElseThrow().json();
        assertThat(stored).contains("usr-ana-gomez").doesNotContain(session.token());
        Optional<?> byToken = store.inTransaction(tx -> tx.get(ConsoleSessions.KIND, session.token()));
        assertThat(byToken).isEmpty();
    }

    @Test
    void aWrongPasswordAnUnknownUserADisabledUserAndNonsenseAllGiveNothing() {
        assertThat(sessions.signIn("ana.gomez", "cafetal-sabana-2025".toCharArray())).isEmpty();
        assertThat(sessions.signIn("maria.nadie", PASSWORD.toCharArray())).isEmpty();
        assertThat(sessions.signIn("lucia.mejia", PASSWORD.toCharArray())).isEmpty();
        assertThat(sessions.signIn("", PASSWORD.toCharArray())).isEmpty();
        assertThat(sessions.signIn(null, PASSWORD.toCharArray())).isEmpty();
        assertThat(sessions.signIn("ana.gomez", null)).isEmpty();
        assertThat(sessions.signIn("a".repeat(129), PASSWORD.toCharArray())).isEmpty();
        assertThat(sessions.signIn("ana.gomez", new char[1025])).isEmpty();
    }

    @Test
    void surroundingSpacesInTheUsernameAreIgnored() {
        assertThat(sessions.signIn("  ana.gomez ", PASSWORD.toCharArray())).isPresent();
    }

    @Test
    void aSessionIsRefusedOnceItExpires() {
        String token = sessions.signIn("ana.gomez", PASSWORD.toCharArray()).orElseThrow().token();

        clock.advance(Duration.ofHours(10).minusSeconds(1));
        assertThat(sessions.userOf(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.userOf(token)).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndOnlyThatOne() {
        String first = sessions.signIn("ana.gomez", PASSWORD.toCharArray()).orElseThrow().token();
        String second = sessions.signIn("ana.gomez", PASSWORD.toCharArray()).orElseThrow().token();
        assertThat(first).isNotEqualTo(second);

        sessions.signOut(first);

        assertThat(sessions.userOf(first)).isEmpty();
        assertThat(sessions.userOf(second)).isPresent();
    }

    @Test
    void disablingAUserEndsTheirOpenSessions() {
        String token = sessions.signIn("ana.gomez", PASSWORD.toCharArray()).orElseThrow().token();

        users.setEnabled("usr-ana-gomez", false);

        assertThat(sessions.userOf(token)).isEmpty();
    }

    @Test
    void unknownMalformedOrMissingTokensNameNobodyAndSigningThemOutIsHarmless() {
        assertThat(sessions.userOf(null)).isEmpty();
        assertThat(sessions.userOf("corto")).isEmpty();
        assertThat(sessions.userOf("x".repeat(101))).isEmpty();
        assertThat(sessions.userOf("Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6")).isEqualTo(Optional.empty());
        sessions.signOut(null);
        sessions.signOut("Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6");
        sessions.signOut("x".repeat(101));
    }

    @Test
    void aSessionIsValidForAnotherNodeSharingTheRecords() {
        String token = sessions.signIn("sergio.pardo", PASSWORD.toCharArray()).orElseThrow().token();

        ConsoleSessions otherNode = new ConsoleSessions(store, new UserDirectory(store, users.hasher()), clock, Duration.ofHours(10));

        assertThat(otherNode.userOf(token)).map(User::id).contains("usr-sergio-pardo");
    }
}
