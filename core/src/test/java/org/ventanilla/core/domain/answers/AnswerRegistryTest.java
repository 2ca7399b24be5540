package org.ventanilla.core.domain.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class AnswerRegistryTest {

    private static final AnswerSource SATURDAY_UNTIL_NOON =
            new AnswerSource("Atendemos de lunes a viernes de 7:00 a. m. a 5:00 p. m. y los sábados hasta las 12:00 m.", null, null);
    private static final AnswerSource SATURDAY_UNTIL_ONE =
            new AnswerSource("Atendemos de lunes a viernes de 7:00 a. m. a 5:00 p. m. y los sábados hasta la 1:00 p. m.", null, null);

    private final AnswerRegistry registry = new AnswerRegistry();

    @Test
    void anEditShouldMakeANewVersionAndKeepTheOldOneReadable() {
        registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_NOON);

        ApprovedAnswer edited = registry.edit("ans-horarios", "Horarios de atención", SATURDAY_UNTIL_ONE);

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.categoryCode()).isEqualTo("horarios-sedes");
        assertThat(registry.current("ans-horarios")).contains(edited);
        assertThat(registry.version("ans-horarios", 1).orElseThrow().rendering(AnswerChannel.CHAT)).contains("12:00 m.");
        assertThat(registry.version("ans-horarios", 2).orElseThrow().rendering(AnswerChannel.CHAT)).contains("1:00 p. m.");
        assertThat(registry.version("ans-horarios", 3)).isEmpty();
        assertThat(registry.version("ans-horarios", 0)).isEmpty();
        assertThat(registry.history("ans-horarios")).extracting(ApprovedAnswer::version).containsExactly(1, 2);
    }

    @Test
    void unknownAnswersShouldBeEmptyOrNotFound() {
        assertThat(registry.current("ans-nada")).isEmpty();
        assertThat(registry.version("ans-nada", 1)).isEmpty();
        assertThat(registry.history("ans-nada")).isEmpty();
        assertThatThrownBy(() -> registry.edit("ans-nada", "T", SATURDAY_UNTIL_ONE))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void publishingATakenIdShouldConflict() {
        registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_NOON);

        assertThatThrownBy(() -> registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_ONE))
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining("version 1 is not the next version (2)");
    }

    @Test
    void appendingShouldRefuseGapsAndCategoryChanges() {
        registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_NOON);

        assertThatThrownBy(() -> registry.append(ApprovedAnswer.of("ans-horarios", 3, "horarios-sedes", "H", SATURDAY_UNTIL_ONE, true)))
                .hasMessageContaining("version 3 is not the next version (2)");
        assertThatThrownBy(() -> registry.append(ApprovedAnswer.of("ans-horarios", 2, "paz-y-salvo", "H", SATURDAY_UNTIL_ONE, true)))
                .hasMessageContaining("belongs to category 'horarios-sedes'");
    }

    @Test
    void aWithdrawnAnswerShouldLeaveTheActiveListButKeepItsHistory() {
        registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_NOON);
        registry.publish("ans-sedes", "horarios-sedes", "Sedes", SATURDAY_UNTIL_ONE);

        ApprovedAnswer withdrawn = registry.setActive("ans-horarios", false);

        assertThat(withdrawn.version()).isEqualTo(2);
        assertThat(withdrawn.active()).isFalse();
        assertThat(withdrawn.source()).isEqualTo(SATURDAY_UNTIL_NOON);
        assertThat(registry.activeForCategory("horarios-sedes")).extracting(ApprovedAnswer::id).containsExactly("ans-sedes");
        assertThat(registry.currentAnswers()).hasSize(2);
        assertThat(registry.version("ans-horarios", 1).orElseThrow().active()).isTrue();
        assertThat(registry.edit("ans-horarios", "Horarios", SATURDAY_UNTIL_ONE).active()).as("an edit keeps the state").isFalse();
    }

    @Test
    void followersShouldSeeTheCurrentAnswersThenEveryNewVersionInOrder() {
        registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_NOON);
        List<String> seen = new ArrayList<>();

        registry.follow(a -> seen.add(a.id() + "@" + a.version()));
        registry.edit("ans-horarios", "Horarios", SATURDAY_UNTIL_ONE);
        registry.publish("ans-sedes", "horarios-sedes", "Sedes", SATURDAY_UNTIL_ONE);

        assertThat(seen).containsExactly("ans-horarios@1", "ans-horarios@2", "ans-sedes@1");
    }

    @Test
    void concurrentEditsShouldEachGetTheirOwnVersion() throws Exception {
        registry.publish("ans-horarios", "horarios-sedes", "Horarios", SATURDAY_UNTIL_NOON);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ApprovedAnswer>> edits = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                edits.add(pool.submit(() -> registry.edit("ans-horarios", "Horarios", SATURDAY_UNTIL_ONE)));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<ApprovedAnswer> edit : edits) {
                versions.add(edit.get().version());
            }
            assertThat(versions).doesNotHaveDuplicates().hasSize(100).allMatch(v -> v >= 2 && v <= 101);
            assertThat(registry.current("ans-horarios").orElseThrow().version()).isEqualTo(101);
        } finally {
            pool.shutdownNow();
        }
    }
}
