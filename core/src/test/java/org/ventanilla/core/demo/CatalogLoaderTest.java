package org.ventanilla.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.catalog.QueueRouting;
import org.ventanilla.core.domain.catalog.ServiceQueue;
import org.ventanilla.core.domain.catalog.ResolutionClass;
import org.ventanilla.core.domain.interaction.Channel;
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

    @Test
    void theDemoQueuesShouldCarryRealisticRoutingRules() {
        QueueRouting taxes = demo.queue("impuestos").orElseThrow().routing();
        assertThat(taxes.skills()).containsExactly(Map.entry("impuestos", 2));
        assertThat(taxes.serviceLevels().get(Channel.VOICE)).isEqualTo(new QueueRouting.ServiceLevelGoal(Duration.ofSeconds(20), 80));
        assertThat(taxes.serviceLevels().get(Channel.CHAT)).isEqualTo(new QueueRouting.ServiceLevelGoal(Duration.ofSeconds(60), 80));
        assertThat(taxes.maxSize()).isEqualTo(200);
        assertThat(taxes.maxWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(taxes.overflow()).isEqualTo(QueueRouting.Overflow.callback());
        assertThat(taxes.relaxation()).containsExactly(new QueueRouting.Relaxation(Duration.ofSeconds(60), "impuestos", 1));

        assertThat(demo.queue("general").orElseThrow().routing().overflow()).isEqualTo(QueueRouting.Overflow.deferredCase());
        assertThat(demo.queue("danos-y-servicios").orElseThrow().routing().overflowQueue()).contains("general");
        assertThat(demo.queue("juridica").orElseThrow().routing().serviceLevels())
                .containsExactly(Map.entry(Channel.CHAT, new QueueRouting.ServiceLevelGoal(Duration.ofSeconds(120), 70)));
    }

    @Test
    void queuesShouldComeAfterTheQueueTheyOverflowInto() {
        List<String> order = demo.queuesTargetsFirst().stream().map(ServiceQueue::code).toList();

        assertThat(order).containsExactlyInAnyOrderElementsOf(demo.queues().stream().map(ServiceQueue::code).toList());
        assertThat(order.indexOf("general")).isLessThan(order.indexOf("danos-y-servicios"));
    }

    @Test
    void aQueueWithoutRoutingFieldsShouldGetTheDefaults() {
        Catalog catalog = CatalogLoader.parse(catalogWithQueues("""
                {"code": "q", "nameEs": "Q", "nameEn": "Q", "openingHours": {"MON-FRI": ["08:00-12:00"]}}
                """), "test.json");

        assertThat(catalog.queue("q").orElseThrow().routing()).isEqualTo(QueueRouting.DEFAULTS);
    }

    @Test
    void aBadRoutingValueShouldNameTheQueueTheFieldTheValueAndTheLimit() {
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 0, \"overflow\": \"callback\""))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("test.json queue q").hasMessageContaining("'maxWaitSeconds'").hasMessageContaining("is 0")
                .hasMessageContaining("allowed 1 to 604800");
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 86400000, \"overflow\": \"callback\""))
                .hasMessageContaining("'maxWaitSeconds' is 86400000; allowed 1 to 604800");
        assertThatThrownBy(() -> parseQueue("\"maxSize\": 0"))
                .hasMessageContaining("queue q").hasMessageContaining("'maxSize' is 0; allowed 1 to 1000000");
        assertThatThrownBy(() -> parseQueue("\"skills\": {\"impuestos\": 7}"))
                .hasMessageContaining("queue q").hasMessageContaining("skill 'impuestos' (7) must be between 1 and 5");
        assertThatThrownBy(() -> parseQueue("\"serviceLevels\": {\"voice\": {\"targetSeconds\": 20, \"percent\": 120}}"))
                .hasMessageContaining("queue q").hasMessageContaining("'serviceLevels.voice'")
                .hasMessageContaining("percent (120) must be between 1 and 100");
        assertThatThrownBy(() -> parseQueue("\"serviceLevels\": {\"fax\": {\"targetSeconds\": 20}}"))
                .hasMessageContaining("'serviceLevels.fax'").hasMessageContaining("unknown channel 'fax'");
        assertThatThrownBy(() -> parseQueue("\"serviceLevels\": {\"chat\": {\"percent\": 80}}"))
                .hasMessageContaining("serviceLevels.chat").hasMessageContaining("'targetSeconds' is required");
    }

    @Test
    void anOverflowShouldBeOneOfTheThreeActionsAndComeWithAMaximumWait() {
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 300, \"overflow\": \"llamar\""))
                .hasMessageContaining("queue q").hasMessageContaining("'overflow' is 'llamar'")
                .hasMessageContaining("\"callback\", \"deferredCase\" or {\"otherQueue\"");
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 300, \"overflow\": {\"queue\": \"general\"}"))
                .hasMessageContaining("'overflow' must be");
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 300"))
                .hasMessageContaining("queue q").hasMessageContaining("maximum wait (300 s) needs an overflow action");
        assertThatThrownBy(() -> parseQueue("\"overflow\": \"deferredCase\""))
                .hasMessageContaining("queue q").hasMessageContaining("overflow action (deferredCase) needs a maximum wait");
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 300, \"overflow\": {\"otherQueue\": \"q\"}"))
                .hasMessageContaining("queue 'q' cannot overflow into itself");
        assertThatThrownBy(() -> parseQueue("\"maxWaitSeconds\": 300, \"overflow\": {\"otherQueue\": \"ninguna\"}"))
                .hasMessageContaining("queue 'q' overflows into unknown queue 'ninguna' (known: q)");
    }

    @Test
    void queuesThatOverflowInACircleShouldBeRefused() {
        String json = catalogWithQueues("""
                {"code": "a", "nameEs": "A", "nameEn": "A", "openingHours": {}, "maxWaitSeconds": 60, "overflow": {"otherQueue": "b"}},
                {"code": "b", "nameEs": "B", "nameEn": "B", "openingHours": {}, "maxWaitSeconds": 60, "overflow": {"otherQueue": "c"}},
                {"code": "c", "nameEs": "C", "nameEn": "C", "openingHours": {}, "maxWaitSeconds": 60, "overflow": {"otherQueue": "a"}}
                """);

        assertThatThrownBy(() -> CatalogLoader.parse(json, "test.json"))
                .hasMessageContaining("queues overflow in a circle: a -> b -> c -> a");
    }

    @Test
    void aRelaxationStepShouldLowerASkillOfTheQueueBeforeTheMaximumWait() {
        assertThatThrownBy(() -> parseQueue("\"skills\": {\"impuestos\": 2}, "
                + "\"relaxation\": [{\"afterSeconds\": 60, \"skill\": \"catastro\", \"level\": 1}]"))
                .hasMessageContaining("queue q").hasMessageContaining("lowers skill 'catastro', which the queue does not require")
                .hasMessageContaining("it requires: impuestos");
        assertThatThrownBy(() -> parseQueue("\"skills\": {\"impuestos\": 2}, "
                + "\"relaxation\": [{\"afterSeconds\": 60, \"skill\": \"impuestos\", \"level\": 2}]"))
                .hasMessageContaining("sets skill 'impuestos' to level 2, which does not lower the queue's level 2");
        assertThatThrownBy(() -> parseQueue("\"skills\": {\"impuestos\": 2}, \"maxWaitSeconds\": 300, \"overflow\": \"callback\", "
                + "\"relaxation\": [{\"afterSeconds\": 300, \"skill\": \"impuestos\", \"level\": 0}]"))
                .hasMessageContaining("relaxation step after 300 s comes at or after the maximum wait (300 s)");
        assertThatThrownBy(() -> parseQueue("\"relaxation\": [{\"after\": 60, \"skill\": \"impuestos\"}]"))
                .hasMessageContaining("queue q relaxation[0]").hasMessageContaining("'after' is not a known field");

        QueueRouting relaxed = CatalogLoader.parse(catalogWithQueues("""
                {"code": "q", "nameEs": "Q", "nameEn": "Q", "openingHours": {}, "skills": {"impuestos": 3},
                 "relaxation": [{"afterSeconds": 120, "skill": "impuestos", "level": 0},
                                {"afterSeconds": 60, "skill": "impuestos", "level": 2}]}
                """), "test.json").queue("q").orElseThrow().routing();
        assertThat(relaxed.relaxation()).extracting(QueueRouting.Relaxation::after)
                .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @Test
    void aMisspeltQueueFieldShouldBeRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> parseQueue("\"maxWait\": 300"))
                .hasMessageContaining("test.json queue q").hasMessageContaining("'maxWait' is not a known field")
                .hasMessageContaining("maxWaitSeconds");
    }

    private static Catalog parseQueue(String routingFields) {
        return CatalogLoader.parse(catalogWithQueues("{\"code\": \"q\", \"nameEs\": \"Q\", \"nameEn\": \"Q\", "
                + "\"openingHours\": {\"MON-FRI\": [\"08:00-12:00\"]}, " + routingFields + "}"), "test.json");
    }

    private static String catalogWithQueues(String queues) {
        int start = queues.indexOf("\"code\": \"") + 9;
        String firstQueue = queues.substring(start, queues.indexOf('"', start));
        return """
                {"format": "ventanilla-catalog/1", "timeZone": "America/Bogota",
                 "teams": [{"code": "t", "nameEs": "T", "nameEn": "T"}],
                 "queues": [%s],
                 "categories": [{"code": "general", "nameEs": "G", "nameEn": "G", "resolutionClass": "DEFERRED",
                                 "legalTerm": "PETITION", "team": "t", "queue": "%s"}]}
                """.formatted(queues, firstQueue);
    }
}
