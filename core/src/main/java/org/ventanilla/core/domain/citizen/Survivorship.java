package org.ventanilla.core.domain.citizen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * The rules that build a {@link GoldenRecord} from source records. For each field, among every value any source
 * gave, the surviving value is the one that comes first by:
 * <ol>
 *   <li>trusted source rank: the source's place in the ranking of that field (the default ranking unless the
 *       field has its own); sources outside the ranking come after every ranked one;</li>
 *   <li>most recent observation;</li>
 *   <li>most frequent value among all sources (compared ignoring case, accents and spacing);</li>
 *   <li>then source name and value, only so that the result never depends on input order.</li>
 * </ol>
 *
 * <p>A field has a {@link Discrepancy} when the <em>trusted</em> (ranked) sources disagree: the latest value of
 * each ranked source that gave the field, compared ignoring case, accents and spacing, is not the same for all.
 * An unranked source (a chat, a self-service form) never raises an alert: what a citizen types is not a
 * register, and it changes too often.
 *
 * <p>Immutable and thread-safe.
 */
public final class Survivorship {

    private final List<String> defaultRanking;
    private final Map<String, List<String>> rankingByField;

    /**
     * @param defaultRanking trusted sources, most trusted first
     * @param rankingByField rankings that replace the default for some fields (e.g. the health secretariat first
     *     for {@code address})
     */
    public Survivorship(List<String> defaultRanking, Map<String, List<String>> rankingByField) {
        this.defaultRanking = checkRanking(defaultRanking);
        Map<String, List<String>> copy = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : Objects.requireNonNull(rankingByField, "rankingByField").entrySet()) {
            copy.put(SourceRecord.checkFieldName(entry.getKey()), checkRanking(entry.getValue()));
        }
        this.rankingByField = Map.copyOf(copy);
    }

    /** Rules with one ranking for every field; sources most trusted first. */
    public static Survivorship trusting(String... sourcesMostTrustedFirst) {
        return new Survivorship(List.of(sourcesMostTrustedFirst), Map.of());
    }

    /** A copy with its own ranking for one field. */
    public Survivorship withFieldRanking(String field, List<String> sourcesMostTrustedFirst) {
        Map<String, List<String>> copy = new HashMap<>(rankingByField);
        copy.put(field, sourcesMostTrustedFirst);
        return new Survivorship(defaultRanking, copy);
    }

    /** The trusted sources of a field, most trusted first. */
    public List<String> ranking(String field) {
        return rankingByField.getOrDefault(field, defaultRanking);
    }

    /** Whether a source is trusted for a field. */
    public boolean isTrusted(String field, String source) {
        return ranking(field).contains(source);
    }

    /** Builds the golden record of a person from all their source records (in any order). */
    public GoldenRecord apply(Collection<SourceRecord> records) {
        Map<String, List<FieldValue>> byField = new TreeMap<>();
        for (SourceRecord record : records) {
            for (FieldValue value : record.fieldValues()) {
                byField.computeIfAbsent(value.field(), f -> new ArrayList<>()).add(value);
            }
        }
        Map<String, FieldValue> surviving = new TreeMap<>();
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Map.Entry<String, List<FieldValue>> entry : byField.entrySet()) {
            String field = entry.getKey();
            List<FieldValue> candidates = entry.getValue();
            surviving.put(field, survivor(field, candidates));
            List<FieldValue> trustedLatest = latestPerTrustedSource(field, candidates);
            Set<String> keys = new LinkedHashSet<>();
            for (FieldValue value : trustedLatest) {
                keys.add(value.comparisonKey());
            }
            if (keys.size() > 1) {
                discrepancies.add(new Discrepancy(field, trustedLatest));
            }
        }
        return new GoldenRecord(surviving, discrepancies);
    }

    private FieldValue survivor(String field, List<FieldValue> candidates) {
        Map<String, Integer> frequency = new HashMap<>();
        for (FieldValue value : candidates) {
            frequency.merge(value.comparisonKey(), 1, Integer::sum);
        }
        Comparator<FieldValue> order = Comparator
                .comparingInt((FieldValue v) -> rank(field, v.source()))
                .thenComparing(FieldValue::observedAt, Comparator.reverseOrder())
                .thenComparing(v -> frequency.get(v.comparisonKey()), Comparator.reverseOrder())
                .thenComparing(FieldValue::source)
                .thenComparing(FieldValue::value);
        return candidates.stream().min(order).orElseThrow();
    }

    private List<FieldValue> latestPerTrustedSource(String field, List<FieldValue> candidates) {
        Map<String, FieldValue> latest = new HashMap<>();
        for (FieldValue value : candidates) {
            if (isTrusted(field, value.source())) {
                latest.merge(value.source(), value, (a, b) -> newer(a, b));
            }
        }
        List<FieldValue> ordered = new ArrayList<>(latest.values());
        ordered.sort(Comparator.comparingInt(v -> rank(field, v.source())));
        return ordered;
    }

    private static FieldValue newer(FieldValue a, FieldValue b) {
        int byTime = a.observedAt().compareTo(b.observedAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.value().compareTo(b.value()) <= 0 ? a : b;
    }

    private int rank(String field, String source) {
        int index = ranking(field).indexOf(source);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<String> checkRanking(List<String> ranking) {
        Objects.requireNonNull(ranking, "ranking");
        Set<String> seen = new LinkedHashSet<>();
        for (String source : ranking) {
            if (!seen.add(SourceRecord.checkSourceName(source))) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT, "source " + source + " appears twice in a survivorship ranking");
            }
        }
        return List.copyOf(seen);
    }

    @Override
    public String toString() {
        return "Survivorship[default=" + defaultRanking + ", byField=" + rankingByField + "]";
    }
}
