package org.ventanilla.core.domain.citizen;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value of one field as one source reported it at one time. {@link #toString()} names the field, the
 * source and the time but not the value, which is personal data.
 *
 * @param field the field name, e.g. {@code second_surname}
 * @param value the value as the source wrote it (trimmed)
 * @param source the source name, e.g. {@code registraduria}
 * @param observedAt when the source reported it
 */
public record FieldValue(String field, String value, String source, Instant observedAt) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public FieldValue {
        field = SourceRecord.checkFieldName(field);
        source = SourceRecord.checkSourceName(source);
        value = SourceRecord.checkValue(field, value);
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /**
     * The form in which values are compared: lower case, accents removed, spaces collapsed. "GÓMEZ" and
     * "Gómez" agree (agencies differ in case and accents far more often than in the name itself).
     */
    public String comparisonKey() {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        String unaccented = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(unaccented.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** Whether both values are the same once case, accents and spacing are ignored. */
    public boolean agreesWith(FieldValue other) {
        return comparisonKey().equals(other.comparisonKey());
    }

    @Override
    public String toString() {
        return "FieldValue[field=" + field + ", source=" + source + ", observedAt=" + observedAt + "]";
    }
}
