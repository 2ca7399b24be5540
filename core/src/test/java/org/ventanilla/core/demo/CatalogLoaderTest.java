package org.ventanilla.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.catalog.ResolutionClass;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class CatalogLoaderTest {

    private static final Pattern ENGLISH = Pattern.compile("\\b(the|my|is|a|I|on|for|of|about|to)\\b");

    private final Catalog demo = CatalogLoader.demo();

    @Test
    void theDemoCatalogShouldHaveBothClassesAndManyTeams() {
        assertThat(demo.categories()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(demo.byResolutionClass(ResolutionClass.IMMEDIATE)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(demo.byResolutionClass(ResolutionClass.DEFERRED)).hasSizeGreaterThanOrEqualTo(6);
        Set<String> owningTeams = demo.categories().stream().map(Category::owningTeam).collect(Collectors.toSet());
        assertThat(owningTeams).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theDemoCatalogShouldOfferTheServicesCitizensAskForMost() {
        assertThat(demo.categories()).extracting(Category::code).contains("huecos-via", "recoleccion-basuras", "alumbrado-publico",
                "arbol-caido", "ruido", "fuga-agua", "certificado-residencia", "estado-cuenta-predial", "programa-adulto-mayor",
                "queja-funcionario", "peticion-informacion", "consulta", "solicitud-copias", "estado-radicado", "paz-y-salvo",
                "horarios-sedes", "subsidio-transporte", "mascotas-zoonosis", "invasion-espacio-publico", "semaforos-danados",
                "datos-personales-consulta", "datos-personales-reclamo", Catalog.GENERAL_CODE);
        assertThat(demo.require("alumbrado-publico").nameEs()).isEqualTo("Alumbrado público");
        assertThat(demo.require("alumbrado-publico").nameEn()).isEqualTo("Street lighting");
        assertThat(demo.require("consulta").legalTermCode()).isEqualTo("CONSULTATION");
        assertThat(demo.require("datos-personales-reclamo").legalTermCode()).isEqualTo("DATA_CLAIM");
        assertThat(demo.require("solicitud-copias").legalTermCode()).isEqualTo("INFORMATION_REQUEST");
    }

    @Test
    void everyCategoryShouldHaveAtLeastTwelveSpanishPhrasesAndSomeEnglish() {
        for (Category category : demo.categories()) {
            long english = category.trainingPhrases().stream().filter(p -> ENGLISH.matcher(p).find()).count();
            assertThat(category.trainingPhrases().size() - english).as("Spanish phrases of %s", category.code())
                    .isGreaterThanOrEqualTo(12);
            assertThat(english).as("English phrases of %s", category.code()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void everyImmediateCategoryShouldListApprovedAnswers() {
        for (Category category : demo.byResolutionClass(ResolutionClass.IMMEDIATE)) {
            assertThat(category.approvedAnswerIds()).as(category.code()).isNotEmpty();
        }
    }

    @Test
    void openingHoursShouldBeReadPerQueueInBogotaTime() {
        Category certificate = demo.require("certificado-residencia");
        ZonedDateTime mondayMorning = ZonedDateTime.parse("2025-03-03T09:00:00-05:00[America/Bogota]");
        ZonedDateTime saturdayMorning = ZonedDateTime.parse("2025-03-08T09:00:00-05:00[America/Bogota]");
        ZonedDateTime mondayLunch = ZonedDateTime.parse("2025-03-03T13:00:00-05:00[America/Bogota]");

        assertThat(demo.openingHoursOf(certificate).isOpen(mondayMorning)).isTrue();
        assertThat(demo.openingHoursOf(certificate).isOpen(saturdayMorning)).isFalse();
        assertThat(demo.queue("danos-y-servicios").orElseThrow().openingHours().isOpen(saturdayMorning.plusDays(1))).isTrue();
        assertThat(demo.queue("programas-sociales").orElseThrow().openingHours().isOpen(mondayLunch)).isFalse();
    }

    @Test
    void channelContextShouldMapToCategories() {
        assertThat(demo.byOpen311Code("001").map(Category::code)).contains("huecos-via");
        assertThat(demo.byIvrOption("1").map(Category::code)).contains("estado-radicado");
        assertThat(demo.byIvrOption("0").map(Category::code)).contains(Catalog.GENERAL_CODE);
    }

    @Test
    void anUnknownFormatShouldBeRefusedWithTheSourceNamed() {
        assertThatThrownBy(() -> CatalogLoader.parse("{\"format\":\"other/2\"}", "test.json"))
                .isInstanceOf(VentanillaException.class)
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("test.json").hasMessageContaining("'other/2'");
    }

    @Test
    void brokenJsonShouldBeRefused() {
        assertThatThrownBy(() -> CatalogLoader.parse("{\"format\":", "test.json")).hasMessageContaining("test.json is not valid JSON");
    }

    @Test
    void aBadDayRangeOrResolutionClassShouldBeNamed() {
        String badDays = """
                {"format": "ventanilla-catalog/1", "timeZone": "America/Bogota",
                 "teams": [{"code": "t", "nameEs": "T", "nameEn": "T"}],
                 "queues": [{"code": "q", "nameEs": "Q", "nameEn": "Q", "openingHours": {"FRI-MON": ["08:00-12:00"]}}],
                 "categories": []}
                """;
        assertThatThrownBy(() -> CatalogLoader.parse(badDays, "test.json")).hasMessageContaining("FRI-MON");
        String badClass = """
                {"format": "ventanilla-catalog/1", "timeZone": "America/Bogota",
                 "teams": [{"code": "t", "nameEs": "T", "nameEn": "T"}],
                 "queues": [{"code": "q", "nameEs": "Q", "nameEn": "Q", "openingHours": {"MON-FRI": ["08:00-12:00"]}}],
                 "categories": [{"code": "general", "nameEs": "G", "nameEn": "G", "resolutionClass": "SOON", "team": "t",
                                 "queue": "q"}]}
                """;
        assertThatThrownBy(() -> CatalogLoader.parse(badClass, "test.json"))
                .hasMessageContaining("category general").hasMessageContaining("'SOON'");
        assertThatThrownBy(() -> CatalogLoader.parse(badClass.replace("America/Bogota", "Bogota"), "test.json"))
                .hasMessageContaining("'Bogota'");
    }

    @Test
    void aMissingResourceShouldBeNotFound() {
        assertThatThrownBy(() -> CatalogLoader.fromClasspath("demo/none.json"))
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
