package org.ventanilla.ops.config;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one configuration key's raw value (from YAML, JSON or an environment variable) becomes a typed value.
 *
 * @param <T> the typed value
 */
public interface ValueType<T> {

    /**
     * The typed value of {@code raw} (a String, Number, Boolean or List as YAML and JSON give them; always a
     * String from the environment).
     *
     * @throws InvalidValueException when the value is not allowed
     */
    T parse(Object raw);

    /** What is allowed, for error messages and {@code --help}: {@code 1-65535}, {@code h2, postgres, memory}. */
    String allowed();

    /** How a raw value of this type is shown in an error message (secret types mask it). */
    default String display(Object raw) {
        return render(raw);
    }

    /** Numbers and booleans as they are, text in single quotes, lists in brackets. */
    static String render(Object raw) {
        if (raw instanceof List<?> list) {
            return list.stream().map(ValueType::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        String text = String.valueOf(raw);
        return text.matches("-?\\d{1,19}") ? text : "'" + text + "'";
    }

    /** A type from a parser, a description of what is allowed and a way to display raw values. */
    static <T> ValueType<T> of(String allowed, Function<Object, T> parser, Function<Object, String> displayer) {
        return new ValueType<>() {
            @Override
            public T parse(Object raw) {
                return parser.apply(raw);
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public String display(Object raw) {
                return displayer.apply(raw);
            }
        };
    }

    /** A type from a parser and a description of what is allowed. */
    static <T> ValueType<T> of(String allowed, Function<Object, T> parser) {
        return of(allowed, parser, ValueType::render);
    }
}
