package org.ventanilla.core.domain.classification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Proposes the service category of a contact. The channel context wins when it names a category directly
 * (an Open311 service code, an IVR choice, a chat topic, in that order); otherwise an OpenNLP document
 * categorizer trained on the catalog's training phrases reads the text, normalized by
 * {@link SpanishFoldingAnalyzer} (tokens, lower case, accents folded, stemmed). A best guess below the
 * confidence threshold, or no text at all, goes to the general category for a person to review. Every
 * text is also checked by the {@link EmergencyDetector}.
 *
 * <p>Built once at start (training takes well under a second for a few hundred phrases) and then safe to
 * share between threads.
 */
public final class Classifier {

    private static final String LANGUAGE = "es";

    /** The model reads at most this many characters: the start of a long email says what it is about. */
    public static final int MAX_TEXT_FOR_MODEL = 5_000;

    private final Catalog catalog;
    private final ClassifierOptions options;
    private final EmergencyDetector emergencyDetector;
    private final SpanishFoldingAnalyzer analyzer = new SpanishFoldingAnalyzer();
    private final DoccatModel model;

    private Classifier(Catalog catalog, ClassifierOptions options, EmergencyDetector emergencyDetector) {
        this.catalog = catalog;
        this.options = options;
        this.emergencyDetector = emergencyDetector;
        this.model = train(catalog, options, analyzer);
    }

    /** Trains a classifier on the catalog's phrases with the default options and the Colombian emergency detector. */
    public static Classifier train(Catalog catalog) {
        return train(catalog, ClassifierOptions.defaults(), EmergencyDetector.colombia());
    }

    /** Trains a classifier on the catalog's phrases. */
    public static Classifier train(Catalog catalog, ClassifierOptions options, EmergencyDetector emergencyDetector) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(emergencyDetector, "emergencyDetector");
        return new Classifier(catalog, options, emergencyDetector);
    }

    private static DoccatModel train(Catalog catalog, ClassifierOptions options, SpanishFoldingAnalyzer analyzer) {
        List<DocumentSample> samples = new ArrayList<>();
        for (Category category : catalog.categories()) {
            for (String phrase : category.trainingPhrases()) {
                List<String> tokens = analyzer.tokens(phrase);
                if (!tokens.isEmpty()) {
                    samples.add(new DocumentSample(category.code(), tokens.toArray(String[]::new)));
                }
            }
        }
        long categoriesWithPhrases = samples.stream().map(DocumentSample::getCategory).distinct().count();
        if (categoriesWithPhrases < 2) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "the catalog has training phrases for " + categoriesWithPhrases + " categories; the classifier needs at least 2");
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm().openNlpName());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        // One thread and in-memory indexing: the same phrases always give the same model, and no temp files.
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        try {
            DoccatFactory factory = new DoccatFactory(featureGenerators(options));
            return DocumentCategorizerME.train(LANGUAGE, ObjectStreamUtils.createObjectStream(samples), parameters, factory);
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.INTERNAL, "training the classifier failed: " + e.getMessage(), e);
        }
    }

    private static FeatureGenerator[] featureGenerators(ClassifierOptions options) throws InvalidFormatException {
        if (options.bigrams()) {
            return new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
        }
        return new FeatureGenerator[] {new BagOfWordsFeatureGenerator()};
    }

    /** The options this classifier was trained with. */
    public ClassifierOptions options() {
        return options;
    }

    /** The emergency detector this classifier checks every text with. */
    public EmergencyDetector emergencyDetector() {
        return emergencyDetector;
    }

    /** Proposes a category for the contact. */
    public Classification classify(ClassificationRequest request) {
        Objects.requireNonNull(request, "request");
        String text = request.fullText();
        boolean emergency = emergencyDetector.isEmergency(text);
        Optional<Classification> fromContext = fromContext(request, emergency);
        if (fromContext.isPresent()) {
            return fromContext.get();
        }
        List<Classification.Alternative> ranking = rank(text);
        Category general = catalog.general();
        if (ranking.isEmpty()) {
            return new Classification(general.code(), 0.0, general.resolutionClass(), emergency, List.of(),
                    Classification.Basis.NO_TEXT);
        }
        Classification.Alternative best = ranking.get(0);
        if (best.confidence() < options.confidenceThreshold()) {
            List<Classification.Alternative> suggestions = ranking.stream()
                    .filter(a -> !a.categoryCode().equals(general.code()))
                    .limit(options.alternatives())
                    .toList();
            return new Classification(general.code(), best.confidence(), general.resolutionClass(), emergency, suggestions,
                    Classification.Basis.LOW_CONFIDENCE);
        }
        Category chosen = catalog.require(best.categoryCode());
        List<Classification.Alternative> others = ranking.subList(1, Math.min(ranking.size(), 1 + options.alternatives()));
        return new Classification(chosen.code(), best.confidence(), chosen.resolutionClass(), emergency, others,
                Classification.Basis.TEXT);
    }

    private Optional<Classification> fromContext(ClassificationRequest request, boolean emergency) {
        Optional<Category> open311 = specific(catalog.byOpen311Code(request.open311ServiceCode()));
        if (open311.isPresent()) {
            return Optional.of(direct(open311.get(), emergency, Classification.Basis.OPEN311_SERVICE_CODE));
        }
        Optional<Category> ivr = specific(catalog.byIvrOption(request.ivrChoice()));
        if (ivr.isPresent()) {
            return Optional.of(direct(ivr.get(), emergency, Classification.Basis.IVR_CHOICE));
        }
        Optional<Category> chat = specific(catalog.find(request.chatTopic() == null ? null : request.chatTopic().strip()));
        if (chat.isPresent()) {
            return Optional.of(direct(chat.get(), emergency, Classification.Basis.CHAT_TOPIC));
        }
        return Optional.empty();
    }

    /** A context that names the general category ("other questions") says nothing specific: the text decides. */
    private static Optional<Category> specific(Optional<Category> category) {
        return category.filter(c -> !c.isGeneral());
    }

    private static Classification direct(Category category, boolean emergency, Classification.Basis basis) {
        return new Classification(category.code(), 1.0, category.resolutionClass(), emergency, List.of(), basis);
    }

    /**
     * The model's ranking of every category for a text, most likely first (empty when the text has no
     * usable words). Ignores the channel context and the confidence threshold; reads at most
     * {@value #MAX_TEXT_FOR_MODEL} characters.
     */
    public List<Classification.Alternative> rank(String text) {
        String head = text != null && text.length() > MAX_TEXT_FOR_MODEL ? text.substring(0, MAX_TEXT_FOR_MODEL) : text;
        List<String> tokens = analyzer.tokens(head);
        if (tokens.isEmpty()) {
            return List.of();
        }
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] probabilities = categorizer.categorize(tokens.toArray(String[]::new));
        List<Classification.Alternative> ranking = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranking.add(new Classification.Alternative(categorizer.getCategory(i), probabilities[i]));
        }
        ranking.sort(Comparator.comparingDouble(Classification.Alternative::confidence).reversed()
                .thenComparing(Classification.Alternative::categoryCode));
        return List.copyOf(ranking);
    }
}
