package org.ventanilla.core.domain.citizen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * What one source (an agency's register, or a channel) said about a person at one time: a set of field values.
 * Blank or missing values mean "unknown" and are dropped. {@link #toString()} lists field names only.
 *
 * @param source lower-case source name, e.g. {@code registraduria}, {@code secretaria-salud}, {@code chat}
 * @param observedAt when the source reported these values
 * @param fields field name to value; copied, sorted by name, unmodifiable
 */
public record SourceRecord(String source, Instant observedAt, Map<String, String> fields) {

    /** What a source name looks like. */
    public static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** What a field name looks like. */
    public static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** The longest field value accepted. */
    public static final int MAX_VALUE_LENGTH = 1000;

    public SourceRecord {
        source = checkSourceName(source);
        if (observedAt == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "source record of " + source + " needs the time it was observed");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (fields != null) {
            for (Map.Entry<String, String> entry : fields.entrySet()) {
                String name = checkFieldName(entry.getKey());
                if (entry.getValue() != null && !entry.getValue().isBlank()) {
                    copy.put(name, checkValue(name, entry.getValue()));
                }
            }
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** The value of one field, if the source gave it. */
    public Optional<FieldValue> field(String name) {
        String value = fields.get(name);
        return value == null ? Optional.empty() : Optional.of(new FieldValue(name, value, source, observedAt));
    }

    /** Every value of this record, each carrying this record's source and time. */
    public List<FieldValue> fieldValues() {
        List<FieldValue> values = new ArrayList<>(fields.size());
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            values.add(new FieldValue(entry.getKey(), entry.getValue(), source, observedAt));
        }
        return List.copyOf(values);
    }

    @Override
    public String toString() {
        return "SourceRecord[source=" + source + ", observedAt=" + observedAt + ", fields=" + fields.keySet() + "]";
    }

    static String checkSourceName(String source) {
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "source name must be lower-case letters, digits and hyphens, 1 to 64 characters");
        }
        return source;
    }

    static String checkFieldName(String field) {
        if (field == null || !FIELD_NAME.matcher(field).matches()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "field name must be a lower-case letter then letters, digits or underscores, at most 64 characters");
        }
        return field;
    }

    static String checkValue(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "value of field " + field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_VALUE_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "value of field " + field + " is longer than "
                    + MAX_VALUE_LENGTH + " characters (found " + stripped.length() + ")");
        }
        return stripped;
    }
}
