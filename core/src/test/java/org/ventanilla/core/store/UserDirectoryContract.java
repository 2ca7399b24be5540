package org.ventanilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.ChannelCapacity;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.RecordStore;

/** Staff users, agent profiles and sign-in on every records adapter. */
public interface UserDirectoryContract {

    /** Cheap Argon2id settings: these tests check behaviour, not cost. */
    PasswordHasher.Settings CHEAP = new PasswordHasher.Settings(64, 1, 1);

    RecordStore newStore();

    /** Per-test state, held by the implementing class. */
    Holder holder();

    /** The store and directory under test. */
    final class Holder {
        RecordStore store;
        UserDirectory users;
    }

    @BeforeEach
    default void openStore() {
        holder().store = newStore();
        holder().users = new UserDirectory(holder().store, new PasswordHasher(CHEAP, new SecureRandom()));
    }

    @AfterEach
    default void closeStore() {
        holder().store.close();
    }

    private static User ana() {
        return new User("usr-ana-gomez", "ana.gomez", "Ana María Gómez Restrepo", EnumSet.of(Role.AGENT), null, "atencion-ciudadano",
                true);
    }

    private static User sergio() {
        return new User("usr-sergio-pardo", "sergio.pardo", "Sergio Pardo Ñústez", EnumSet.of(Role.SUPERVISOR), null, null, true);
    }

    private static AgentProfile anaProfile() {
        return new AgentProfile("usr-ana-gomez", Map.of("atencion-general", 4, "impuestos", 2), List.of("es", "en"),
                Set.of("general", "impuestos"), new ChannelCapacity(1, 3, 5, true));
    }

    @Test
    default void usersAreFoundByUsernameAndIdAndUsernamesAreUnique() {
        UserDirectory users = holder().users;
        assertThat(users.hasUsers()).isFalse();
        users.create(ana());
        users.create(sergio());

        assertThat(users.findByUsername("ana.gomez")).contains(ana());
        assertThat(users.findById("usr-sergio-pardo")).contains(sergio());
        assertThat(users.findByUsername("nadie")).isEmpty();
        assertThat(users.users()).extracting(User::username).containsExactly("ana.gomez", "sergio.pardo");
        assertThat(users.hasUsers()).isTrue();
        User sameUsername = new User("usr-ana-gomez-2", "ana.gomez", "Otra Ana", EnumSet.of(Role.AGENT), null, null, true);
        assertThatThrownBy(() -> users.create(sameUsername))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        User sameId = new User("usr-ana-gomez", "ana.g", "Otra Ana", EnumSet.of(Role.AGENT), null, null, true);
        assertThatThrownBy(() -> users.create(sameId))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(users.findByUsername("ana.g")).as("a refused creation claims nothing").isEmpty();
    }

    @Test
    default void updateRenamesTheUserKeepsThePasswordAndFreesTheOldUsername() {
        UserDirectory users = holder().users;
        users.create(ana());
        users.changePassword("usr-ana-gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray());

        User renamed = new User("usr-ana-gomez", "amgomez", "Ana María Gómez", EnumSet.of(Role.AGENT, Role.SUPERVISOR), null,
                "atencion-ciudadano", true);
        users.update(renamed);

        assertThat(users.findByUsername("ana.gomez")).isEmpty();
        assertThat(users.findByUsername("amgomez")).hasValueSatisfying(u -> {
            assertThat(u.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
            assertThat(u.passwordHash()).startsWith(PasswordHasher.PREFIX);
        });
        assertThat(users.authenticate("amgomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isPresent();
        users.create(new User("usr-ana-gonzalez", "ana.gomez", "Ana González", EnumSet.of(Role.AGENT), null, null, true));
        assertThatThrownBy(() -> users.update(new User("usr-nadie", "nadie", "Nadie", EnumSet.of(Role.AGENT), null, null, true)))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    default void agentsAreListedWithTheirProfiles() {
        UserDirectory users = holder().users;
        users.create(ana());
        users.create(sergio());
        users.create(new User("usr-carlos-rodriguez", "carlos.rodriguez", "Carlos Rodríguez", EnumSet.of(Role.AGENT), null, null,
                true));
        users.saveProfile(anaProfile());

        assertThat(users.agents()).extracting(a -> a.user().username()).containsExactly("ana.gomez", "carlos.rodriguez");
        assertThat(users.agents().get(0).profile()).isEqualTo(anaProfile());
        assertThat(users.agents().get(1).profile()).isNull();
        AgentProfile moved = new AgentProfile("usr-ana-gomez", Map.of("atencion-general", 5), List.of("es"), Set.of("tramites"),
                ChannelCapacity.DEFAULT);
        users.saveProfile(moved);
        assertThat(users.profile("usr-ana-gomez")).contains(moved);
        assertThatThrownBy(() -> users.saveProfile(new AgentProfile("usr-sergio-pardo", Map.of(), List.of("es"), Set.of(),
                ChannelCapacity.DEFAULT)))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> users.saveProfile(new AgentProfile("usr-nadie", Map.of(), List.of("es"), Set.of(),
                ChannelCapacity.DEFAULT)))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    default void authenticateAcceptsTheRightPasswordOnly() {
        UserDirectory users = holder().users;
        users.create(ana());
        users.changePassword("usr-ana-gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray());

        assertThat(users.authenticate("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray()))
                .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("usr-ana-gomez"));
        assertThat(users.authenticate("ana.gomez", "xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
        assertThat(users.authenticate("ana.gomez", new char[0])).isEmpty();
        assertThat(users.authenticate("ana.gomez", null)).isEmpty();
    }

    @Test
    default void authenticateRefusesUnknownUsersAfterTheSameHashingWork() {
        UserDirectory users = holder().users;
        users.create(ana());
        users.changePassword("usr-ana-gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray());

        assertThat(users.authenticate("nadie", "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
        assertThat(users.authenticate("", "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
        assertThat(users.authenticate(null, "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
        assertThat(users.authenticate("x".repeat(600), "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
    }

    @Test
    default void authenticateRefusesDisabledUsersAndUsersWithoutPassword() {
        UserDirectory users = holder().users;
        users.create(ana());
        users.create(sergio());
        assertThat(users.authenticate("sergio.pardo", "cualquier-cosa".toCharArray())).as("no password set yet").isEmpty();
        users.changePassword("usr-ana-gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray());

        users.setEnabled("usr-ana-gomez", false);
        assertThat(users.authenticate("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
        users.setEnabled("usr-ana-gomez", true);
        assertThat(users.authenticate("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isPresent();
    }

    @Test
    default void changingThePasswordReplacesTheHashAndNeedsTheCurrentOneForTheUserThemselves() {
        UserDirectory users = holder().users;
        users.create(ana());
        users.changePassword("usr-ana-gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray());
        String firstHash = users.findById("usr-ana-gomez").orElseThrow().passwordHash();

        assertThat(users.changeOwnPassword("ana.gomez", "equivocada".toCharArray(), "Nueva-Clave-2026".toCharArray())).isFalse();
        assertThat(users.findById("usr-ana-gomez").orElseThrow().passwordHash()).isEqualTo(firstHash);
        assertThat(users.changeOwnPassword("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray(), "Nueva-Clave-2026".toCharArray()))
                .isTrue();

        assertThat(users.findById("usr-ana-gomez").orElseThrow().passwordHash()).isNotEqualTo(firstHash)
                .doesNotContain("Nueva-Clave-2026");
        assertThat(users.authenticate("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray())).isEmpty();
        assertThat(users.authenticate("ana.gomez", "Nueva-Clave-2026".toCharArray())).isPresent();
        assertThatThrownBy(() -> users.changePassword("usr-ana-gomez", new char[0]))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> users.changePassword("usr-nadie", "Nueva-Clave-2026".toCharArray()))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    default void aHashMadeWithOlderSettingsIsUpgradedAtSignIn() {
        UserDirectory older = new UserDirectory(holder().store, new PasswordHasher(new PasswordHasher.Settings(32, 1, 1),
                new SecureRandom()));
        older.create(ana());
        older.changePassword("usr-ana-gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray());

        User signedIn = holder().users.authenticate("ana.gomez", "Xq7fK2mPzR4tW9vBn3cD".toCharArray()).orElseThrow();

        assertThat(signedIn.passwordHash()).contains("m=64,t=1,p=1");
        assertThat(holder().users.findById("usr-ana-gomez").orElseThrow().passwordHash()).isEqualTo(signedIn.passwordHash());
    }
}
