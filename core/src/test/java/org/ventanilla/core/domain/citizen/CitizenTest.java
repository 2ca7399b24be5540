package org.ventanilla.core.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class CitizenTest {

    private final Survivorship rules = Survivorship.trusting("registraduria", "secretaria-salud");
    private final CitizenId id = CitizenId.parse("6f1d3c7e-2b4a-4f7e-9b1a-0c2d3e4f5a6b");
    private final CitizenIdentifier cedula = CitizenIdentifier.parse(IdentifierType.CC, "1.020.304.050");
    private final PhoneNumber mobile = PhoneNumber.parse("300 555 0101");
    private final EmailAddress email = EmailAddress.parse("maria.gomez@gmail.com");
    private final SourceRecord registraduria = new SourceRecord("registraduria", Instant.parse("2024-03-01T15:00:00Z"),
            Map.of(CitizenFields.SECOND_SURNAME, "Pérez", CitizenFields.ADDRESS, "Calle 26 # 13-19"));

    @Test
    void aCitizenShouldKeepIdentifiersAndContactPointsOnceAndBuildTheGoldenRecord() {
        Citizen citizen = Citizen.of(id, List.of(cedula, CitizenIdentifier.parse(IdentifierType.CC, "1020304050")),
                List.of(mobile, email, PhoneNumber.parse("+57 300 555 0101")), List.of(registraduria), rules);

        assertThat(citizen.identifiers()).containsExactly(cedula);
        assertThat(citizen.contactPoints()).containsExactly(mobile, email);
        assertThat(citizen.identifier(IdentifierType.CC)).contains(cedula);
        assertThat(citizen.identifier(IdentifierType.TI)).isEmpty();
        assertThat(citizen.contactPoints(ContactKind.EMAIL)).containsExactly(email);
        assertThat(citizen.has(mobile)).isTrue();
        assertThat(citizen.has(cedula)).isTrue();
        assertThat(citizen.goldenRecord().value(CitizenFields.SECOND_SURNAME)).contains("Pérez");
    }

    @Test
    void aNewSourceRecordShouldRebuildTheGoldenRecordAndRaiseDiscrepancies() {
        Citizen citizen = Citizen.of(id, List.of(cedula), List.of(), List.of(registraduria), rules);
        SourceRecord salud = new SourceRecord("secretaria-salud", Instant.parse("2025-06-10T20:00:00Z"),
                Map.of(CitizenFields.SECOND_SURNAME, "Peña"));

        Citizen updated = citizen.withSourceRecord(salud, rules);

        assertThat(citizen.goldenRecord().hasDiscrepancies()).isFalse();
        assertThat(updated.sourceRecords()).containsExactly(registraduria, salud);
        assertThat(updated.goldenRecord().discrepancies()).extracting(Discrepancy::field).containsExactly(CitizenFields.SECOND_SURNAME);
        assertThat(updated.withIdentifier(CitizenIdentifier.parse(IdentifierType.NIT, "79.123.456-0")).identifiers()).hasSize(2);
        assertThat(updated.withContactPoint(email).contactPoints()).containsExactly(email);
    }

    @Test
    void anAnonymousContactShouldNotMakeACitizen() {
        assertThatThrownBy(() -> Citizen.of(id, List.of(), List.of(), List.of(registraduria), rules))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining(id.toString());
    }

    @Test
    void aPrintedCitizenShouldShowNoPersonalData() {
        Citizen citizen = Citizen.of(id, List.of(cedula), List.of(mobile, email), List.of(registraduria), rules);

        assertThat(citizen.toString()).contains("CC ******4050", "+57*******101", "m***@gmail.com", id.toString())
                .doesNotContain("1020304050", "3005550101", "maria.gomez", "Pérez", "Calle 26");
    }

    @Test
    void aContactPointShouldOnlyProposeTheCitizen() {
        MatchProposal byPhone = MatchProposal.byContactPoint(id, mobile);

        assertThat(byPhone.status()).isEqualTo(IdentityStatus.PROPOSED);
        assertThat(byPhone.evidence()).isEqualTo(MatchEvidence.PHONE);
        assertThat(byPhone.isConfirmed()).isFalse();
        assertThat(byPhone.agent()).isEmpty();
        assertThat(MatchProposal.byContactPoint(id, email).evidence()).isEqualTo(MatchEvidence.EMAIL);
        assertThat(MatchProposal.byContactPoint(id, ChatHandle.parse("webchat:abc12345")).status()).isEqualTo(IdentityStatus.PROPOSED);
    }

    @Test
    void anIdentifierOrAnAgentShouldConfirmTheCitizen() {
        MatchProposal byIdentifier = MatchProposal.byIdentifier(id, cedula);
        MatchProposal confirmed = MatchProposal.byContactPoint(id, mobile).confirmByAgent("agente.lopez");

        assertThat(byIdentifier.status()).isEqualTo(IdentityStatus.CONFIRMED);
        assertThat(byIdentifier.evidence()).isEqualTo(MatchEvidence.IDENTIFIER);
        assertThat(confirmed.status()).isEqualTo(IdentityStatus.CONFIRMED);
        assertThat(confirmed.evidence()).isEqualTo(MatchEvidence.PHONE);
        assertThat(confirmed.agent()).contains("agente.lopez");
    }

    @Test
    void aProposalShouldNeverBeConfirmedSilently() {
        assertThatThrownBy(() -> new MatchProposal(id, MatchEvidence.PHONE, IdentityStatus.CONFIRMED, null))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("PROPOSED until an agent confirms");
        assertThatThrownBy(() -> new MatchProposal(id, MatchEvidence.IDENTIFIER, IdentityStatus.PROPOSED, null))
                .isInstanceOf(VentanillaException.class);
        assertThatThrownBy(() -> new MatchProposal(id, MatchEvidence.EMAIL, IdentityStatus.PROPOSED, "agente.lopez"))
                .isInstanceOf(VentanillaException.class);
        assertThatThrownBy(() -> MatchProposal.byContactPoint(id, mobile).confirmByAgent("  "))
                .isInstanceOf(VentanillaException.class);
    }
}
