/**
 * The business calendar: Colombian national holidays computed from the rules of Ley 51 de 1983 for any year,
 * business days in the entity's time zone, and the legal terms (Ley 1755 de 2015, Ley 1581 de 2012) that give
 * each case its due date and the limit of its extension.
 */
package org.ventanilla.core.domain.calendar;
