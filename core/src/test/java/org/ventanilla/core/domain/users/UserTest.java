package org.ventanilla.core.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserTest {

    private static final String HASH =
            "$argon2id$v=19$m=1024,t=2,p=1$dmVudGFuaWxsYS1zYWx0IQ$dlf5Gl+NtF0V15StxTFd7XNACeG6jYBFrOES1dLBxmw";

    private static User agent(String hash) {
        return new User("usr-ana-gomez", "ana.gomez", "Ana María Gómez", Set.of(Role.AGENT), hash, "atencion-ciudadano", true);
    }

    @Test
    void aUserWithAPasswordShouldSignInUnlessDisabled() {
        User user = agent(HASH);

        assertThat(user.canSignIn()).isTrue();
        assertThat(user.withEnabled(false).canSignIn()).isFalse();
        assertThat(agent(null).canSignIn()).isFalse();
        assertThat(agent(null).withPasswordHash(HASH).canSignIn()).isTrue();
        assertThat(user.hasRole(Role.AGENT)).isTrue();
        assertThat(user.hasRole(Role.SUPERVISOR)).isFalse();
    }

    @Test
    void toStringShouldNeverShowTheHash() {
        assertThat(agent(HASH).toString()).doesNotContain("argon2").doesNotContain("dlf5").contains("password=set");
        assertThat(agent(null).toString()).contains("password=unset");
    }

    @Test
    void rolesShouldBeRequiredAndCopied() {
        EnumSet<Role> roles = EnumSet.of(Role.SUPERVISOR);
        User supervisor = new User("usr-marta", "marta.valencia", "Marta", roles, null, null, true);
        roles.add(Role.ADMINISTRATOR);

        assertThat(supervisor.roles()).containsExactly(Role.SUPERVISOR);
        assertThatThrownBy(() -> new User("usr-x", "nadie", "Nadie", Set.of(), null, null, true)).hasMessageContaining("no role");
    }

    @Test
    void aBackOfficeUserShouldHaveATeam() {
        assertThatThrownBy(() -> new User("usr-jorge", "jorge.cardenas", "Jorge", Set.of(Role.BACK_OFFICE), null, null, true))
                .hasMessageContaining("back-office user 'usr-jorge' has no team");
    }

    @Test
    void badNamesAndForeignHashesShouldBeRefused() {
        assertThatThrownBy(() -> new User("usr-x", "Ana Gómez", "Ana", Set.of(Role.AGENT), null, null, true))
                .hasMessageContaining("username of user 'usr-x'");
        assertThatThrownBy(() -> new User("USR X", "ana", "Ana", Set.of(Role.AGENT), null, null, true)).hasMessageContaining("'USR X'");
        assertThatThrownBy(() -> agent("$2a$10$abcdefghijklmnopqrstuv")).hasMessageContaining("not an Argon2id hash");
        assertThatThrownBy(() -> new User("usr-x", "ana", " ", Set.of(Role.AGENT), null, null, true)).hasMessageContaining("display name");
    }
}
