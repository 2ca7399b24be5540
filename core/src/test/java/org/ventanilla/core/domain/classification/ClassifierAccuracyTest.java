package org.ventanilla.core.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;

/**
 * Accuracy of the classifier on phrases written apart from the training phrases
 * ({@code classification/heldout.tsv}: category, tab, phrase).
 */
class ClassifierAccuracyTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierAccuracyTest.class);
    private static final double REQUIRED_ACCURACY = 0.85;

    private static Catalog catalog;
    private static Classifier classifier;
    private static List<Example> heldOut;

    record Example(String categoryCode, String phrase) {
    }

    @BeforeAll
    static void trainOnTheDemoCatalog() throws IOException {
        catalog = CatalogLoader.demo();
        classifier = Classifier.train(catalog);
        heldOut = readHeldOut();
    }

    private static List<Example> readHeldOut() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = ClassifierAccuracyTest.class.getResourceAsStream("/classification/heldout.tsv")) {
            assertThat(in).as("classification/heldout.tsv on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                assertThat(fields).as("held-out line '%s'", line).hasSize(2);
                examples.add(new Example(fields[0].strip(), fields[1].strip()));
            }
        }
        return examples;
    }

    @Test
    void heldOutPhrasesShouldCoverEveryCategoryAndNeverRepeatATrainingPhrase() {
        Set<String> training = new HashSet<>();
        for (Category category : catalog.categories()) {
            category.trainingPhrases().forEach(p -> training.add(normalized(p)));
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        for (Example example : heldOut) {
            assertThat(catalog.find(example.categoryCode())).as("category of '%s'", example.phrase()).isPresent();
            assertThat(training).as("held-out phrase copied from the training phrases").doesNotContain(normalized(example.phrase()));
            perCategory.merge(example.categoryCode(), 1, Integer::sum);
        }
        for (Category category : catalog.categories()) {
            assertThat(perCategory.getOrDefault(category.code(), 0)).as("held-out phrases of '%s'", category.code())
                    .isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void topOneAccuracyOnHeldOutPhrasesShouldBeAtLeastEightyFivePercent() {
        int correct = 0;
        List<String> misses = new ArrayList<>();
        for (Example example : heldOut) {
            String best = classifier.rank(example.phrase()).get(0).categoryCode();
            if (best.equals(example.categoryCode())) {
                correct++;
            } else {
                misses.add(example.categoryCode() + " -> " + best);
            }
        }
        double accuracy = correct / (double) heldOut.size();
        String figure = String.format("held-out top-1 accuracy %.1f%% (%d of %d, %s)", 100 * accuracy, correct, heldOut.size(),
                classifier.options().algorithm());
        LOG.info("{}; misses (expected -> proposed): {}", figure, misses);
        assertThat(accuracy).as(figure).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }

    @Test
    void endToEndProposalsOnHeldOutPhrasesShouldRarelyFallToReviewOrMiss() {
        int correct = 0;
        int toReview = 0;
        for (Example example : heldOut) {
            Classification classification = classifier.classify(ClassificationRequest.ofText(example.phrase()));
            if (classification.categoryCode().equals(example.categoryCode())) {
                correct++;
            } else if (classification.needsReview()) {
                toReview++;
            }
        }
        double accuracy = correct / (double) heldOut.size();
        String figure = String.format("held-out end-to-end accuracy %.1f%% at threshold %.2f, %d sent to review by mistake",
                100 * accuracy, classifier.options().confidenceThreshold(), toReview);
        LOG.info(figure);
        assertThat(accuracy).as(figure).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }

    private static String normalized(String phrase) {
        return String.join(" ", SpanishFoldingAnalyzer.fold(phrase).replaceAll("[^a-z0-9]+", " ").strip().split(" +"));
    }
}
