package org.ventanilla.core.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.ResolutionClass;

class ClassifierTest {

    private static Catalog catalog;
    private static Classifier classifier;

    @BeforeAll
    static void trainOnTheDemoCatalog() {
        catalog = CatalogLoader.demo();
        classifier = Classifier.train(catalog);
    }

    @Test
    void textAboutAPotholeShouldBeADeferredPotholeReport() {
        Classification result = classifier.classify(ClassificationRequest.ofText("Hay un hueco muy grande en la vía frente al colegio"));

        assertThat(result.categoryCode()).isEqualTo("huecos-via");
        assertThat(result.resolutionClass()).isEqualTo(ResolutionClass.DEFERRED);
        assertThat(result.basis()).isEqualTo(Classification.Basis.TEXT);
        assertThat(result.confidence()).isGreaterThanOrEqualTo(classifier.options().confidenceThreshold());
        assertThat(result.emergency()).isFalse();
        assertThat(result.alternatives()).hasSize(3).extracting(Classification.Alternative::categoryCode)
                .doesNotContain("huecos-via");
    }

    @Test
    void accentsAndCaseShouldNotChangeTheProposal() {
        String withAccents = classifier.classify(ClassificationRequest.ofText("ALUMBRADO PÚBLICO DAÑADO EN MI CUADRA")).categoryCode();
        String without = classifier.classify(ClassificationRequest.ofText("alumbrado publico danado en mi cuadra")).categoryCode();

        assertThat(withAccents).isEqualTo("alumbrado-publico").isEqualTo(without);
    }

    @Test
    void anOpen311ServiceCodeShouldWinOverTheText() {
        Classification result = classifier.classify(ClassificationRequest.ofOpen311("003", "hay un hueco enorme en la calle"));

        assertThat(result.categoryCode()).isEqualTo("alumbrado-publico");
        assertThat(result.basis()).isEqualTo(Classification.Basis.OPEN311_SERVICE_CODE);
        assertThat(result.confidence()).isEqualTo(1.0);
    }

    @Test
    void anIvrChoiceShouldWinOverTheTranscript() {
        Classification result = classifier.classify(ClassificationRequest.ofIvr("2", "quiero saber como va mi radicado"));

        assertThat(result.categoryCode()).isEqualTo("estado-cuenta-predial");
        assertThat(result.resolutionClass()).isEqualTo(ResolutionClass.IMMEDIATE);
        assertThat(result.basis()).isEqualTo(Classification.Basis.IVR_CHOICE);
    }

    @Test
    void aChatTopicThatNamesACategoryShouldWinOverTheMessage() {
        Classification result = classifier.classify(ClassificationRequest.ofChat("paz-y-salvo", "cuanto debo de predial"));

        assertThat(result.categoryCode()).isEqualTo("paz-y-salvo");
        assertThat(result.basis()).isEqualTo(Classification.Basis.CHAT_TOPIC);
    }

    @Test
    void anOpen311CodeShouldWinOverAnIvrChoiceAndAChatTopic() {
        Classification result = classifier.classify(new ClassificationRequest("2", "sisben", "006", null, "texto"));

        assertThat(result.categoryCode()).isEqualTo("fuga-agua");
    }

    @Test
    void anUnknownContextShouldLeaveTheDecisionToTheText() {
        Classification result = classifier.classify(
                new ClassificationRequest("99", "no-such-topic", "999", null, "el semaforo de la esquina esta apagado"));

        assertThat(result.categoryCode()).isEqualTo("semaforos-danados");
        assertThat(result.basis()).isEqualTo(Classification.Basis.TEXT);
    }

    @Test
    void anIvrChoiceOfOtherQuestionsShouldLeaveTheDecisionToTheTranscript() {
        Classification result = classifier.classify(ClassificationRequest.ofIvr("0", "necesito el paz y salvo para la notaria"));

        assertThat(result.categoryCode()).isEqualTo("paz-y-salvo");
        assertThat(result.basis()).isEqualTo(Classification.Basis.TEXT);
    }

    @Test
    void anEmailSubjectShouldBeReadWithTheBody() {
        Classification result = classifier.classify(ClassificationRequest.ofEmail("Certificado de residencia",
                "Buenos días, lo necesito para la universidad de mi hija."));

        assertThat(result.categoryCode()).isEqualTo("certificado-residencia");
    }

    @Test
    void aWeakBestGuessShouldGoToTheGeneralCategoryWithSuggestions() {
        Classifier strict = Classifier.train(catalog, ClassifierOptions.defaults().withConfidenceThreshold(0.999),
                EmergencyDetector.colombia());

        Classification result = strict.classify(ClassificationRequest.ofText("el poste de la esquina no alumbra"));

        assertThat(result.categoryCode()).isEqualTo(Catalog.GENERAL_CODE);
        assertThat(result.needsReview()).isTrue();
        assertThat(result.basis()).isEqualTo(Classification.Basis.LOW_CONFIDENCE);
        assertThat(result.confidence()).isLessThan(0.999);
        assertThat(result.alternatives()).extracting(Classification.Alternative::categoryCode)
                .contains("alumbrado-publico").doesNotContain(Catalog.GENERAL_CODE);
    }

    @Test
    void wordsTheModelNeverSawShouldGoToReview() {
        Classification result = classifier.classify(ClassificationRequest.ofText("xyzzy qwerty plugh"));

        assertThat(result.needsReview()).isTrue();
    }

    @Test
    void aContactWithoutTextOrContextShouldGoToReview() {
        Classification result = classifier.classify(ClassificationRequest.ofText("  "));

        assertThat(result.categoryCode()).isEqualTo(Catalog.GENERAL_CODE);
        assertThat(result.basis()).isEqualTo(Classification.Basis.NO_TEXT);
        assertThat(result.confidence()).isZero();
    }

    @Test
    void anEmergencyShouldBeFlaggedWhateverTheContext() {
        Classification byText = classifier.classify(ClassificationRequest.ofText("se cayó un árbol y hay heridos"));
        Classification byContext = classifier.classify(ClassificationRequest.ofOpen311("004", "Árbol caído, hay un INCENDIO"));
        Classification notOne = classifier.classify(ClassificationRequest.ofText("se cayó un árbol, no hay heridos"));

        assertThat(byText.emergency()).isTrue();
        assertThat(byText.categoryCode()).isEqualTo("arbol-caido");
        assertThat(byContext.emergency()).isTrue();
        assertThat(byContext.categoryCode()).isEqualTo("arbol-caido");
        assertThat(notOne.emergency()).isFalse();
    }

    @Test
    void aLongEmailShouldBeClassifiedByItsStart() {
        String body = "Solicito el paz y salvo del predial para vender mi casa. " + "Lorem ipsum dolor sit amet. ".repeat(200)
                + "Mensaje reenviado: hay un hueco en la vía. ".repeat(50);

        Classification result = classifier.classify(ClassificationRequest.ofEmail("Solicitud", body));

        assertThat(result.categoryCode()).isEqualTo("paz-y-salvo");
    }

    @Test
    void trainingTwiceShouldGiveTheSameRanking() {
        Classifier again = Classifier.train(catalog);
        for (String text : List.of("no recogieron la basura", "quiero que borren mis datos", "tengo una pregunta")) {
            assertThat(again.rank(text)).isEqualTo(classifier.rank(text));
        }
    }

    @Test
    void maxEntShouldAlsoBeTrainable() {
        Classifier maxEnt = Classifier.train(catalog, ClassifierOptions.defaults().withAlgorithm(ClassifierOptions.Algorithm.MAXENT),
                EmergencyDetector.colombia());

        assertThat(maxEnt.rank("el camion de la basura no paso").get(0).categoryCode()).isEqualTo("recoleccion-basuras");
    }

    @Test
    void theRequestShouldNotPrintTheCitizensWords() {
        assertThat(ClassificationRequest.ofText("me llamo Pedro Pérez y vivo en la calle 5").toString())
                .doesNotContain("Pedro").contains("41 chars");
    }
}
