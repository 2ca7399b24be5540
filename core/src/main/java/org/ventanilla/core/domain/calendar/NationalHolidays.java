package org.ventanilla.core.domain.calendar;

import java.time.LocalDate;
import java.util.List;

/** The national holidays of a country, computed for any year the implementation supports. */
public interface NationalHolidays {

    /** The holidays of {@code year}, by date. */
    List<Holiday> holidays(int year);

    /** Whether {@code date} is a national holiday. */
    default boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).stream().anyMatch(h -> h.date().equals(date));
    }
}
