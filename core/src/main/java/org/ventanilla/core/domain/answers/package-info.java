/**
 * Approved answers: versioned in one {@link org.ventanilla.core.domain.answers.AnswerRegistry registry},
 * written once as an {@link org.ventanilla.core.domain.answers.AnswerSource source} and rendered per
 * {@link org.ventanilla.core.domain.answers.AnswerChannel channel}, found by
 * {@link org.ventanilla.core.domain.answers.AnswerSearch full-text search}; every reply that carries one
 * records an {@link org.ventanilla.core.domain.answers.AnswerUse}.
 */
package org.ventanilla.core.domain.answers;
