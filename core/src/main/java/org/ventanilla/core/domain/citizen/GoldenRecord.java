package org.ventanilla.core.domain.citizen;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The best known value of each field of a person, chosen from the source records by {@link Survivorship}, with
 * the fields on which trusted sources disagree. Each surviving value keeps its source and time, so the view
 * can say where it came from. {@link #toString()} names fields and sources only.
 *
 * @param fields field name to surviving value (sorted by name, unmodifiable)
 * @param discrepancies fields where trusted sources disagree, by field name
 */
public record GoldenRecord(Map<String, FieldValue> fields, List<Discrepancy> discrepancies) {

    private static final GoldenRecord EMPTY = new GoldenRecord(Map.of(), List.of());

    public GoldenRecord {
        Objects.requireNonNull(fields, "fields");
        TreeMap<String, FieldValue> copy = new TreeMap<>();
        for (Map.Entry<String, FieldValue> entry : fields.entrySet()) {
            if (!entry.getKey().equals(entry.getValue().field())) {
                throw new IllegalArgumentException("golden record key " + entry.getKey() + " holds a value of field "
                        + entry.getValue().field());
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        fields = Collections.unmodifiableMap(copy);
        discrepancies = List.copyOf(discrepancies);
    }

    /** A golden record with no field. */
    public static GoldenRecord empty() {
        return EMPTY;
    }

    /** The surviving value of a field, if any source gave it. */
    public Optional<String> value(String field) {
        return field(field).map(FieldValue::value);
    }

    /** The surviving value of a field with its source and time. */
    public Optional<FieldValue> field(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** Whether trusted sources disagree on at least one field. */
    public boolean hasDiscrepancies() {
        return !discrepancies.isEmpty();
    }

    /** The discrepancy on a field, if trusted sources disagree on it. */
    public Optional<Discrepancy> discrepancy(String field) {
        return discrepancies.stream().filter(d -> d.field().equals(field)).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("GoldenRecord[fields={");
        String separator = "";
        for (FieldValue value : fields.values()) {
            out.append(separator).append(value.field()).append(" from ").append(value.source());
            separator = ", ";
        }
        return out.append("}, discrepancies=").append(discrepancies).append(']').toString();
    }
}
