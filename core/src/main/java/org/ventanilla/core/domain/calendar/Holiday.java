package org.ventanilla.core.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One national holiday of one year. Two holidays can share a date (Sagrado Corazón and San Pedro y San Pablo
 * in 2025): each is listed, and the day is one day off.
 *
 * @param date the day off
 * @param name the holiday's Spanish name, e.g. "Batalla de Boyacá"
 * @param rule why it falls on that date
 */
public record Holiday(LocalDate date, String name, HolidayRule rule) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
    }
}
