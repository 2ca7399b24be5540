/**
 * Staff and personal-data records: {@link org.ventanilla.core.domain.users.User users} with
 * {@link org.ventanilla.core.domain.users.Role roles} and Argon2id
 * {@link org.ventanilla.core.domain.users.PasswordHasher password hashes},
 * {@link org.ventanilla.core.domain.users.AgentProfile agent profiles} for routing, and the
 * {@link org.ventanilla.core.domain.users.ConsentRecord consent} and
 * {@link org.ventanilla.core.domain.users.AuditEntry audit} records Ley 1581 asks for.
 */
package org.ventanilla.core.domain.users;
