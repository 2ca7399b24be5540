/**
 * Citizens: typed identifiers ({@link org.ventanilla.core.domain.citizen.CitizenIdentifier}), contact points
 * (phone, email, chat handle), the records each agency holds about a person and the golden record built from
 * them by {@link org.ventanilla.core.domain.citizen.Survivorship}, and match proposals.
 *
 * <p>Every type here that carries personal data prints itself masked ({@code toString()}); the full value is
 * only available through an explicit accessor ({@code value()}) meant for storage and matching.
 */
package org.ventanilla.core.domain.citizen;
