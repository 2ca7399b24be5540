package org.ventanilla.core.domain.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene analysis for the Spanish citizens write: tokens, lower case, accents folded, Spanish and English
 * stop words removed, light Spanish stemming. "Alumbrado Público" and "alumbrado publico" give the same
 * tokens.
 *
 * <p>Lucene's own {@link SpanishAnalyzer} folds accents only inside its stemmer, which skips words shorter
 * than five letters ("vía" stays "vía" while "via" stays "via"), so folding is done here for every token,
 * before the stop filter (whose words are folded too) and the stemmer.
 */
public final class SpanishFoldingAnalyzer extends Analyzer {

    /**
     * Words kept although Lucene's Spanish stop list has them: "estado" is the participle of "estar" there,
     * but in "estado de cuenta" and "estado de mi radicado" it carries the meaning.
     */
    private static final Set<String> KEPT_WORDS = Set.of("estado", "estados");

    private static final CharArraySet STOP_WORDS = buildStopWords();

    private static CharArraySet buildStopWords() {
        CharArraySet set = new CharArraySet(400, true);
        for (CharArraySet source : List.of(SpanishAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
            for (Object word : source) {
                String folded = fold(new String((char[]) word));
                if (!KEPT_WORDS.contains(folded)) {
                    set.add(folded);
                }
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }

    /** Lower case without accents (ñ becomes n, as ASCII folding does). */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(result, STOP_WORDS);
        result = new SpanishLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** The analyzed tokens of a text (empty for null or blank text). */
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Reading from a String does not fail; should it, the caller gets it unchecked.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
