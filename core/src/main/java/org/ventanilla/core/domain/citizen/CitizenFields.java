package org.ventanilla.core.domain.citizen;

/**
 * Names of the fields agencies commonly report about a person, so that adapters and survivorship rules spell
 * them alike. Source records may carry other fields too (any name matching {@link SourceRecord#FIELD_NAME}).
 */
public final class CitizenFields {

    public static final String FIRST_NAMES = "first_names";
    public static final String FIRST_SURNAME = "first_surname";
    public static final String SECOND_SURNAME = "second_surname";
    public static final String BIRTH_DATE = "birth_date";
    public static final String SEX = "sex";
    public static final String ADDRESS = "address";
    public static final String MUNICIPALITY = "municipality";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";

    private CitizenFields() {
    }
}
