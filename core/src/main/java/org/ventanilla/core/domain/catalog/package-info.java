/**
 * The service catalog: {@link org.ventanilla.core.domain.catalog.Category categories} (immediate or deferred,
 * legal term, owning team, required skills, queue, Open311 code, IVR option, approved answers, training
 * phrases), {@link org.ventanilla.core.domain.catalog.Team teams}, {@link org.ventanilla.core.domain.catalog.ServiceQueue
 * queues} with {@link org.ventanilla.core.domain.catalog.OpeningHours opening hours}, checked as a whole by
 * {@link org.ventanilla.core.domain.catalog.Catalog}. Plain Java: loading from JSON lives in
 * {@code org.ventanilla.core.demo}.
 */
package org.ventanilla.core.domain.catalog;
