package org.ventanilla.core.domain.catalog;

/** Whether a service category is normally solved at first contact or needs back-office work. */
public enum ResolutionClass {
    /** Solved at first contact (information, status of a case, simple procedures); no legal term. */
    IMMEDIATE,
    /** Becomes a back-office case with a legal term counted in business days. */
    DEFERRED
}
