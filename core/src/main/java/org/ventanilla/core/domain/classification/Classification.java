package org.ventanilla.core.domain.classification;

import java.util.List;
import java.util.Objects;

import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.catalog.ResolutionClass;

/**
 * The classifier's proposal for a contact; the agent can correct it.
 *
 * @param categoryCode    proposed category ({@link Catalog#GENERAL_CODE} when a person must review it)
 * @param confidence      0 to 1: 1 when the channel context named the category, else the model's probability
 *                        of its best guess (also when that guess was too weak and "general" was proposed)
 * @param resolutionClass resolution class of the proposed category
 * @param emergency       whether the text looks like an emergency: give the emergency number at once
 * @param alternatives    other likely categories, best first, for the agent to pick from
 * @param basis           what decided the proposal
 */
public record Classification(String categoryCode, double confidence, ResolutionClass resolutionClass, boolean emergency,
        List<Alternative> alternatives, Basis basis) {

    public Classification {
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(resolutionClass, "resolutionClass");
        Objects.requireNonNull(basis, "basis");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence " + confidence + " is outside 0 to 1");
        }
        alternatives = List.copyOf(alternatives);
    }

    /** Whether the contact went to the general category, for a person to review. */
    public boolean needsReview() {
        return Catalog.GENERAL_CODE.equals(categoryCode);
    }

    /** A candidate category and the model's probability for it. */
    public record Alternative(String categoryCode, double confidence) {

        public Alternative {
            Objects.requireNonNull(categoryCode, "categoryCode");
        }
    }

    /** What decided a classification. */
    public enum Basis {
        /** The Open311 service code named the category. */
        OPEN311_SERVICE_CODE,
        /** The caller's IVR choice named the category. */
        IVR_CHOICE,
        /** The chat topic named the category. */
        CHAT_TOPIC,
        /** The text model, confident enough. */
        TEXT,
        /** The text model was below the confidence threshold: general, for review. */
        LOW_CONFIDENCE,
        /** No usable text and no context: general, for review. */
        NO_TEXT
    }
}
