/**
 * The demo data shipped with Ventanilla (a Spanish-speaking city's catalog, approved answers and staff)
 * and the loaders that read them from JSON with Vert.x's {@code JsonObject}, outside the domain packages.
 */
package org.ventanilla.core.demo;
