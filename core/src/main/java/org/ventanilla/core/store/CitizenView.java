package org.ventanilla.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.core.domain.cases.ServiceCase;
import org.ventanilla.core.domain.citizen.Citizen;
import org.ventanilla.core.domain.citizen.Discrepancy;
import org.ventanilla.core.domain.citizen.GoldenRecord;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.domain.users.ConsentRecord;

/**
 * The unified view of one citizen, as an agent sees it: identifiers and contact points, what each source said,
 * the golden record with its discrepancy alerts, every contact on every channel (newest first), open cases and the
 * current consent. Only {@link CitizenDirectory#view} makes one, and it logs the read. {@link #toString()} shows
 * no personal data.
 *
 * @param citizen identifiers, contact points, source records and golden record
 * @param interactions the citizen's contacts on every channel, newest first
 * @param openCases the citizen's cases not yet answered or closed, earliest due first
 * @param consent the citizen's latest consent decision, null when none was recorded
 */
public record CitizenView(Citizen citizen, List<Interaction> interactions, List<ServiceCase> openCases, ConsentRecord consent) {

    public CitizenView {
        Objects.requireNonNull(citizen, "citizen");
        interactions = List.copyOf(interactions);
        openCases = List.copyOf(openCases);
    }

    /** The best known values with their sources and the discrepancies between trusted sources. */
    public GoldenRecord goldenRecord() {
        return citizen.goldenRecord();
    }

    /** The fields on which trusted sources disagree: each one is an alert in the console. */
    public List<Discrepancy> discrepancyAlerts() {
        return citizen.goldenRecord().discrepancies();
    }

    /** The latest consent decision. */
    public Optional<ConsentRecord> latestConsent() {
        return Optional.ofNullable(consent);
    }

    @Override
    public String toString() {
        return "CitizenView[" + citizen.id() + ", " + citizen.identifiers().size() + " identifiers, " + citizen.contactPoints().size()
                + " contact points, " + interactions.size() + " interactions, " + openCases.size() + " open cases, "
                + discrepancyAlerts().size() + " discrepancies]";
    }
}
