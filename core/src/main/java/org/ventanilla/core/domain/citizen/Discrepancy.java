package org.ventanilla.core.domain.citizen;

import java.util.List;
import java.util.Objects;

/**
 * A field on which trusted sources disagree: the latest value of each trusted source that gave the field, most
 * trusted first. Shown to agents as an alert in the unified citizen view. {@link #toString()} names the field
 * and the sources, not the values.
 *
 * @param field the field name
 * @param values the disagreeing values, one per trusted source, most trusted first (at least two)
 */
public record Discrepancy(String field, List<FieldValue> values) {

    public Discrepancy {
        Objects.requireNonNull(field, "field");
        values = List.copyOf(values);
        if (values.size() < 2) {
            throw new IllegalArgumentException("a discrepancy on " + field + " needs at least two values, found " + values.size());
        }
    }

    /** The sources that disagree, most trusted first. */
    public List<String> sources() {
        return values.stream().map(FieldValue::source).toList();
    }

    @Override
    public String toString() {
        return "Discrepancy[field=" + field + ", sources=" + sources() + "]";
    }
}
