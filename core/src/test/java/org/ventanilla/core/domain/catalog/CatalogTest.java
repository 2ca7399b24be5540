package org.ventanilla.core.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class CatalogTest {

    private static final List<Team> TEAMS = List.of(
            new Team("infraestructura", "Secretaría de Infraestructura", "Infrastructure Department"),
            new Team("atencion-ciudadano", "Atención al Ciudadano", "Citizen Service"));
    private static final List<ServiceQueue> QUEUES = List.of(
            new ServiceQueue("general", "Atención general", "General enquiries", OpeningHours.alwaysOpen(ZoneId.of("America/Bogota"))));

    private static Category category(String code, ResolutionClass resolution, String term, String open311, String ivr,
            List<String> answers, List<String> phrases) {
        String team = code.equals("general") ? "atencion-ciudadano" : "infraestructura";
        return new Category(code, "Nombre de " + code, "Name of " + code, resolution, term, team, Map.of("tramites", 2), "general",
                open311, ivr, answers, phrases);
    }

    private static Category general() {
        return category("general", ResolutionClass.DEFERRED, "PETITION", null, "0", List.of(), List.of("necesito ayuda"));
    }

    private static Category potholes() {
        return category("huecos-via", ResolutionClass.DEFERRED, "PETITION", "001", null, List.of(), List.of("hay un hueco en la via"));
    }

    private static Category status() {
        return category("estado-radicado", ResolutionClass.IMMEDIATE, null, null, "1", List.of("ans-estado-radicado"),
                List.of("como va mi radicado"));
    }

    private static Catalog catalog(Category... categories) {
        return new Catalog(TEAMS, QUEUES, List.of(categories));
    }

    @Test
    void shouldFindCategoriesByCodeOpen311CodeAndIvrOption() {
        Catalog catalog = catalog(general(), potholes(), status());

        assertThat(catalog.find("huecos-via")).contains(potholes());
        assertThat(catalog.find("no-existe")).isEmpty();
        assertThat(catalog.byOpen311Code("001")).contains(potholes());
        assertThat(catalog.byOpen311Code(" 001 ")).contains(potholes());
        assertThat(catalog.byOpen311Code(null)).isEmpty();
        assertThat(catalog.byIvrOption("1")).contains(status());
        assertThat(catalog.general().code()).isEqualTo(Catalog.GENERAL_CODE);
        assertThat(catalog.general().isGeneral()).isTrue();
    }

    @Test
    void shouldListCategoriesByClassTeamAndQueueInCatalogOrder() {
        Catalog catalog = catalog(general(), potholes(), status());

        assertThat(catalog.byResolutionClass(ResolutionClass.IMMEDIATE)).containsExactly(status());
        assertThat(catalog.byResolutionClass(ResolutionClass.DEFERRED)).containsExactly(general(), potholes());
        assertThat(catalog.byTeam("infraestructura")).containsExactly(potholes(), status());
        assertThat(catalog.byTeam("nadie")).isEmpty();
        assertThat(catalog.byQueue("general")).hasSize(3);
        assertThat(catalog.openingHoursOf(potholes())).isEqualTo(QUEUES.get(0).openingHours());
    }

    @Test
    void requireShouldFailWithNotFoundForAnUnknownCode() {
        assertThatThrownBy(() -> catalog(general()).require("no-existe"))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("'no-existe'");
    }

    @Test
    void aCatalogWithoutTheGeneralCategoryShouldBeRefused() {
        assertThatThrownBy(() -> catalog(potholes())).hasMessageContaining("'general'");
    }

    @Test
    void duplicateCodesShouldBeRefused() {
        assertThatThrownBy(() -> catalog(general(), potholes(), potholes())).hasMessageContaining("'huecos-via' appears twice");
        Category otherWithSameOpen311 = category("alumbrado-publico", ResolutionClass.DEFERRED, "PETITION", "001", null, List.of(),
                List.of());
        assertThatThrownBy(() -> catalog(general(), potholes(), otherWithSameOpen311))
                .hasMessageContaining("Open311 service code '001'").hasMessageContaining("'alumbrado-publico'");
        Category otherWithSameIvr = category("paz-y-salvo", ResolutionClass.IMMEDIATE, null, null, "1", List.of(), List.of());
        assertThatThrownBy(() -> catalog(general(), status(), otherWithSameIvr)).hasMessageContaining("IVR option '1'");
        Category otherWithSameAnswer = category("paz-y-salvo", ResolutionClass.IMMEDIATE, null, null, null,
                List.of("ans-estado-radicado"), List.of());
        assertThatThrownBy(() -> catalog(general(), status(), otherWithSameAnswer)).hasMessageContaining("'ans-estado-radicado'");
    }

    @Test
    void theSamePhraseInTwoCategoriesShouldBeRefused() {
        Category contradicting = category("alumbrado-publico", ResolutionClass.DEFERRED, "PETITION", null, null, List.of(),
                List.of("Hay un hueco en la via"));

        assertThatThrownBy(() -> catalog(general(), potholes(), contradicting))
                .hasMessageContaining("'huecos-via'").hasMessageContaining("'alumbrado-publico'");
    }

    @Test
    void unknownTeamsAndQueuesShouldBeRefused() {
        Category lost = new Category("ruido", "Ruido", "Noise", ResolutionClass.DEFERRED, "PETITION", "ambiente", Map.of(), "general",
                null, null, List.of(), List.of());
        Category queueless = new Category("ruido", "Ruido", "Noise", ResolutionClass.DEFERRED, "PETITION", "infraestructura",
                Map.of(), "danos", null, null, List.of(), List.of());

        assertThatThrownBy(() -> catalog(general(), lost)).hasMessageContaining("unknown team 'ambiente'");
        assertThatThrownBy(() -> catalog(general(), queueless)).hasMessageContaining("unknown queue 'danos'");
    }

    @Test
    void categoriesShouldBeReturnedAsUnmodifiableCopies() {
        Catalog catalog = catalog(general(), potholes());
        List<Category> listed = catalog.categories();

        assertThatThrownBy(() -> listed.add(status())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ArrayList<>(catalog.teams())).hasSize(2);
        assertThat(catalog.team("infraestructura")).isPresent();
        assertThat(catalog.queue("general")).isPresent();
        assertThat(catalog.toString()).isEqualTo("Catalog[2 teams, 1 queues, 2 categories]");
    }
}
