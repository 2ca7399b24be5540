package org.ventanilla.core.demo;

import io.vertx.core.json.JsonObject;

import org.ventanilla.core.domain.answers.AnswerRegistry;
import org.ventanilla.core.domain.answers.AnswerSource;
import org.ventanilla.core.domain.answers.ApprovedAnswer;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.Category;
import org.ventanilla.core.domain.catalog.ResolutionClass;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Reads approved answers from JSON (format {@code ventanilla-answers/1}, see {@code demo/answers.json}):
 * every answer with its versions in order, each version written once as a source (summary, details,
 * spoken text) and rendered per channel when loaded.
 */
public final class AnswersLoader {

    /** The demo answers on the classpath. */
    public static final String DEMO_RESOURCE = "demo/answers.json";

    /** The format this loader reads. */
    public static final String FORMAT = "ventanilla-answers/1";

    private AnswersLoader() {
    }

    /** The demo answers, checked against the demo catalog. */
    public static AnswerRegistry demo(Catalog catalog) {
        return fromClasspath(DEMO_RESOURCE, catalog);
    }

    /** Reads answers from a classpath resource, checked against the catalog. */
    public static AnswerRegistry fromClasspath(String resource, Catalog catalog) {
        return parse(DemoResources.readClasspath(resource), resource, catalog);
    }

    /**
     * Parses answers into a new registry and checks them against the catalog: every answer names a known
     * category that lists it, every answer a category lists exists, and every immediate category has an
     * active answer. Failures are {@link ErrorCode#INVALID_INPUT} naming {@code source}.
     */
    public static AnswerRegistry parse(String json, String source, Catalog catalog) {
        JsonObject root = DemoResources.parse(json, source);
        String format = DemoResources.requiredString(root, "format", source);
        if (!FORMAT.equals(format)) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    source + ": format '" + format + "' is not supported (expected '" + FORMAT + "')");
        }
        AnswerRegistry registry = new AnswerRegistry();
        for (JsonObject answer : DemoResources.objects(root, "answers", source)) {
            String id = DemoResources.requiredString(answer, "id", source + " answer");
            String where = source + " answer " + id;
            String categoryCode = DemoResources.requiredString(answer, "category", where);
            Category category = catalog.find(categoryCode)
                    .orElseThrow(() -> DemoResources.invalid(where, "category", "names unknown category '" + categoryCode + "'"));
            if (!category.approvedAnswerIds().contains(id)) {
                throw DemoResources.invalid(where, "category", "is '" + categoryCode + "', which does not list this answer");
            }
            for (JsonObject version : DemoResources.objects(answer, "versions", where)) {
                int number = DemoResources.integer(version, "version", where, 0);
                String at = where + " version " + number;
                AnswerSource text = new AnswerSource(DemoResources.requiredString(version, "summary", at),
                        DemoResources.string(version, "details", at), DemoResources.string(version, "spoken", at));
                try {
                    registry.append(ApprovedAnswer.of(id, number, categoryCode, DemoResources.requiredString(version, "title", at), text,
                            DemoResources.bool(version, "active", at, true)));
                } catch (VentanillaException e) {
                    throw new VentanillaException(ErrorCode.INVALID_INPUT, at + ": " + e.getMessage(), e);
                }
            }
        }
        for (Category category : catalog.categories()) {
            for (String answerId : category.approvedAnswerIds()) {
                if (registry.current(answerId).isEmpty()) {
                    throw new VentanillaException(ErrorCode.INVALID_INPUT,
                            source + ": category '" + category.code() + "' lists answer '" + answerId + "', which is missing");
                }
            }
            if (category.resolutionClass() == ResolutionClass.IMMEDIATE
                    && registry.activeForCategory(category.code()).isEmpty()) {
                throw new VentanillaException(ErrorCode.INVALID_INPUT,
                        source + ": immediate category '" + category.code() + "' has no active approved answer");
            }
        }
        return registry;
    }
}
