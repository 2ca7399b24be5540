package org.ventanilla.core.domain.answers;

/**
 * One result of an {@link AnswerSearch}.
 *
 * @param answerId     id of the answer
 * @param version      its current version
 * @param categoryCode its category
 * @param title        its title
 * @param score        relevance, higher is better (comparable within one search only)
 */
public record AnswerHit(String answerId, int version, String categoryCode, String title, float score) {
}
