package org.ventanilla.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Team;
import org.ventanilla.core.domain.users.AgentProfile;
import org.ventanilla.core.domain.users.PasswordHasher;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;

class DemoUsersTest {

    private final Catalog catalog = CatalogLoader.demo();
    private final DemoUsers demo = DemoUsers.load(catalog);

    private List<User> withRole(Role role) {
        return demo.users().stream().filter(u -> u.hasRole(role)).toList();
    }

    @Test
    void theDemoShouldHaveAgentsBackOfficePerTeamASupervisorAndAnAdministrator() {
        assertThat(withRole(Role.AGENT)).hasSizeGreaterThanOrEqualTo(6);
        Set<String> backOfficeTeams = withRole(Role.BACK_OFFICE).stream().map(User::team).collect(Collectors.toSet());
        assertThat(backOfficeTeams).containsExactlyInAnyOrderElementsOf(catalog.teams().stream().map(Team::code).toList());
        assertThat(withRole(Role.SUPERVISOR)).isNotEmpty();
        assertThat(withRole(Role.ADMINISTRATOR)).isNotEmpty();
    }

    @Test
    void agentsShouldHaveVariedSkillsLanguagesAndCapacities() {
        Map<String, AgentProfile> profiles = demo.profiles();
        for (User agent : withRole(Role.AGENT)) {
            assertThat(profiles).as(agent.username()).containsKey(agent.id());
        }
        assertThat(profiles.values().stream().flatMap(p -> p.languages().stream()).collect(Collectors.toSet()))
                .contains("es", "en").hasSizeGreaterThanOrEqualTo(3);
        assertThat(profiles.values().stream().map(AgentProfile::skills).distinct()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(profiles.values().stream().map(AgentProfile::capacity).distinct().count()).isGreaterThanOrEqualTo(3);
        Set<String> skillsNeeded = new HashSet<>();
        catalog.categories().forEach(c -> skillsNeeded.addAll(c.requiredSkills().keySet()));
        Set<String> skillsHeld = profiles.values().stream().flatMap(p -> p.skills().keySet().stream()).collect(Collectors.toSet());
        assertThat(skillsHeld).as("every skill a category needs is held by some agent").containsAll(skillsNeeded);
    }

    @Test
    void theFileShouldHoldNoPasswords() {
        assertThat(demo.users()).allSatisfy(u -> assertThat(u.passwordHash()).isNull());
        assertThat(DemoResources.readClasspath(DemoUsers.DEMO_RESOURCE)).doesNotContainIgnoringCase("password");
    }

    @Test
    void initialPasswordsShouldBeRandomLongAndOnePerUser() {
        Map<String, String> first = demo.generateInitialPasswords(new SecureRandom());
        Map<String, String> second = demo.generateInitialPasswords(new SecureRandom());

        assertThat(first.keySet()).containsExactlyElementsOf(demo.users().stream().map(User::username).toList());
        assertThat(first.values()).allMatch(p -> p.length() == DemoUsers.PASSWORD_LENGTH)
                .allMatch(p -> p.chars().allMatch(c -> DemoUsers.PASSWORD_ALPHABET.indexOf(c) >= 0))
                .doesNotHaveDuplicates();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void usersWithPasswordsShouldStoreOnlyHashesThatVerify() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Settings(256, 1, 1), new SecureRandom());
        Map<String, String> passwords = demo.generateInitialPasswords(new SecureRandom());

        List<User> users = demo.withPasswords(Map.of("ana.gomez", passwords.get("ana.gomez")), cheap);

        User ana = users.stream().filter(u -> u.username().equals("ana.gomez")).findFirst().orElseThrow();
        assertThat(ana.passwordHash()).startsWith(PasswordHasher.PREFIX).doesNotContain(passwords.get("ana.gomez"));
        assertThat(cheap.verify(passwords.get("ana.gomez").toCharArray(), ana.passwordHash())).isTrue();
        assertThat(users.stream().filter(u -> !u.username().equals("ana.gomez"))).allMatch(u -> !u.canSignIn());
    }

    @Test
    void aPasswordInTheFileOrAnUnknownQueueShouldBeRefused() {
        String withPassword = """
                {"format": "ventanilla-users/1", "users": [{"id": "usr-x", "username": "equis", "displayName": "X",
                 "roles": ["ADMINISTRATOR"], "password": "secreto"}]}
                """;
        assertThatThrownBy(() -> DemoUsers.parse(withPassword, "test.json", catalog)).hasMessageContaining("must not be in the file");
        String unknownQueue = """
                {"format": "ventanilla-users/1", "users": [{"id": "usr-x", "username": "equis", "displayName": "X",
                 "roles": ["AGENT"], "agent": {"languages": ["es"], "queues": ["cola-fantasma"]}}]}
                """;
        assertThatThrownBy(() -> DemoUsers.parse(unknownQueue, "test.json", catalog)).hasMessageContaining("'cola-fantasma'");
        String agentWithoutProfile = """
                {"format": "ventanilla-users/1", "users": [{"id": "usr-x", "username": "equis", "displayName": "X", "roles": ["AGENT"]}]}
                """;
        assertThatThrownBy(() -> DemoUsers.parse(agentWithoutProfile, "test.json", catalog))
                .hasMessageContaining("required for a user with role AGENT");
        String duplicate = """
                {"format": "ventanilla-users/1", "users": [
                 {"id": "usr-x", "username": "equis", "displayName": "X", "roles": ["ADMINISTRATOR"]},
                 {"id": "usr-y", "username": "equis", "displayName": "Y", "roles": ["ADMINISTRATOR"]}]}
                """;
        assertThatThrownBy(() -> DemoUsers.parse(duplicate, "test.json", catalog)).hasMessageContaining("'equis' appears twice");
    }
}
