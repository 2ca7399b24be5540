package org.ventanilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.citizen.ChatHandle;
import org.ventanilla.core.domain.citizen.CitizenFields;
import org.ventanilla.core.domain.citizen.CitizenId;
import org.ventanilla.core.domain.citizen.ContactKind;
import org.ventanilla.core.domain.citizen.Discrepancy;
import org.ventanilla.core.domain.citizen.EmailAddress;
import org.ventanilla.core.domain.citizen.FieldValue;
import org.ventanilla.core.domain.citizen.IdentifierType;
import org.ventanilla.core.domain.citizen.IdentityStatus;
import org.ventanilla.core.domain.citizen.SourceRecord;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.domain.interaction.Interaction;
import org.ventanilla.core.domain.interaction.InteractionId;
import org.ventanilla.core.domain.users.AuditEntry;
import org.ventanilla.core.domain.users.ConsentRecord;
import org.ventanilla.core.domain.users.Role;
import org.ventanilla.core.domain.users.User;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.intake.DefaultIntakeService;
import org.ventanilla.core.intake.InboundContact;
import org.ventanilla.core.intake.IntakeContract;
import org.ventanilla.core.intake.IntakeResult;
import org.ventanilla.core.port.RecordStore;

/**
 * The unified citizen view, its audit log and consent, on every records adapter: scenario 7 of SCENARIOS.md
 * ("who is this citizen?") and the rule that no staff read happens without its audit entry.
 */
public interface CitizenDirectoryContract {

    /** Tuesday 2026-11-24, 10:00 in Bogotá. */
    Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    String CEDULA = "1.020.304.050";
    String PHONE = "+57 300 555 0101";
    String EMAIL = "maria.gomez.restrepo@example.org";
    String CHAT_LOGIN = "webchat:mfgomez2025";
    String AGENT = "usr-ana-gomez";
    String SUPERVISOR = "usr-sergio-pardo";
    Survivorship RULES = Survivorship.trusting("registraduria", "secretaria-salud");

    RecordStore newStore();

    /** Per-test state, held by the implementing class. */
    Holder holder();

    /** The store and services under test. */
    final class Holder {
        RecordStore store;
        DefaultIntakeService intake;
        CitizenDirectory directory;
        AuditLog audit;
        ConsentLog consent;
    }

    @BeforeEach
    default void openStore() {
        Holder h = holder();
        h.store = newStore();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        h.intake = new DefaultIntakeService(h.store, IntakeContract.CATALOG, IntakeContract.CLASSIFIER,
                new Deadlines(BusinessCalendar.colombia(clock)), "", RULES);
        h.directory = new CitizenDirectory(h.store, RULES, clock);
        h.audit = new AuditLog(h.store);
        h.consent = new ConsentLog(h.store);
        h.store.inTransaction(tx -> {
            UserDirectory.create(tx, new User(AGENT, "ana.gomez", "Ana María Gómez", EnumSet.of(Role.AGENT), null, null, true));
            UserDirectory.create(tx, new User(SUPERVISOR, "sergio.pardo", "Sergio Pardo", EnumSet.of(Role.SUPERVISOR), null, null,
                    true));
            UserDirectory.create(tx, new User("usr-retirado", "retirado", "Usuario retirado", EnumSet.of(Role.AGENT), null, null,
                    false));
            return null;
        });
    }

    @AfterEach
    default void closeStore() {
        holder().store.close();
    }

    private IntakeResult receive(Channel channel, String externalId, Instant at, InboundContact.CitizenHints who, String text) {
        return holder().intake.receive(new InboundContact(channel, externalId, at, who,
                channel == Channel.EMAIL ? "Derecho de petición" : null, text, null, false, List.of()));
    }

    /** Scenario 7 up to the agency data: a call with the cédula, a chat, an email petition, and two agencies' records. */
    private CitizenId scenarioSeven() {
        IntakeResult call = receive(Channel.VOICE, "call-7", NOW.minus(Duration.ofDays(2)),
                new InboundContact.CitizenHints("CC", CEDULA, PHONE, null, null, null), "quiero saber cuánto debo del predial");
        CitizenId maria = call.citizenId().orElseThrow();
        IntakeResult chat = receive(Channel.CHAT, "chat-7", NOW.minus(Duration.ofDays(1)),
                new InboundContact.CitizenHints("CC", CEDULA, null, null, null, "Maria F. Gomez"),
                "necesito un certificado de residencia");
        assertThat(chat.citizenId()).contains(maria);
        receive(Channel.EMAIL, "<peticion-7@example.org>", NOW.minus(Duration.ofHours(3)),
                new InboundContact.CitizenHints("CC", CEDULA, null, null, null, null),
                "solicito copia del contrato de obra de la calle 45");
        // The chat login carried the email she used last year: the agent, having confirmed her, adds both.
        holder().directory.addContactPoint(AGENT, maria, EmailAddress.parse(EMAIL), "atender chat chat-7");
        holder().directory.addContactPoint(AGENT, maria, ChatHandle.parse(CHAT_LOGIN), "atender chat chat-7");
        holder().directory.addSourceRecord(maria, new SourceRecord("secretaria-salud", Instant.parse("2026-03-02T13:00:00Z"),
                Map.of(CitizenFields.FIRST_NAMES, "María Fernanda", CitizenFields.FIRST_SURNAME, "Gómez",
                        CitizenFields.SECOND_SURNAME, "Restrepo", CitizenFields.ADDRESS, "Calle 45 # 12-30, Chapinero")));
        List<String> alerts = holder().directory.addSourceRecord(maria, new SourceRecord("registraduria",
                Instant.parse("2025-08-15T14:00:00Z"), Map.of(CitizenFields.FIRST_NAMES, "María Fernanda",
                        CitizenFields.FIRST_SURNAME, "Gómez", CitizenFields.SECOND_SURNAME, "Restrepo Ochoa",
                        CitizenFields.ADDRESS, "Carrera 7 # 80-15, Usaquén")));
        assertThat(alerts).containsExactly(CitizenFields.ADDRESS, CitizenFields.SECOND_SURNAME);
        return maria;
    }

    @Test
    default void viewShowsOnePersonWithThreeContactPointsAndBothAgenciesValuesSideBySide() {
        CitizenId maria = scenarioSeven();

        CitizenView view = holder().directory.view(AGENT, maria, "atender llamada call-8");

        assertThat(view.citizen().identifier(IdentifierType.CC).orElseThrow().value()).isEqualTo("1020304050");
        assertThat(view.citizen().contactPoints()).extracting(p -> p.kind())
                .containsExactlyInAnyOrder(ContactKind.PHONE, ContactKind.EMAIL, ContactKind.CHAT);
        Discrepancy address = view.goldenRecord().discrepancy(CitizenFields.ADDRESS).orElseThrow();
        assertThat(address.sources()).containsExactly("registraduria", "secretaria-salud");
        assertThat(address.values()).extracting(FieldValue::value)
                .containsExactly("Carrera 7 # 80-15, Usaquén", "Calle 45 # 12-30, Chapinero");
        assertThat(view.goldenRecord().discrepancy(CitizenFields.SECOND_SURNAME).orElseThrow().values())
                .extracting(FieldValue::value).containsExactly("Restrepo Ochoa", "Restrepo");
        assertThat(view.discrepancyAlerts()).extracting(Discrepancy::field)
                .containsExactly(CitizenFields.ADDRESS, CitizenFields.SECOND_SURNAME);
        assertThat(view.goldenRecord().value(CitizenFields.ADDRESS)).contains("Carrera 7 # 80-15, Usaquén");
        assertThat(view.goldenRecord().discrepancy(CitizenFields.FIRST_NAMES)).isEmpty();
    }

    @Test
    default void viewListsEveryChannelNewestFirstWithTheOpenCases() {
        CitizenId maria = scenarioSeven();

        CitizenView view = holder().directory.view(AGENT, maria, "atender llamada call-8");

        assertThat(view.interactions()).extracting(Interaction::channel)
                .containsExactly(Channel.EMAIL, Channel.CHAT, Channel.VOICE);
        assertThat(view.openCases()).isNotEmpty();
        assertThat(view.openCases()).allSatisfy(c -> assertThat(c.citizenId()).isEqualTo(maria));
        assertThat(view.openCases()).extracting(c -> c.number())
                .contains(view.interactions().get(0).caseNumber());
        assertThat(view.toString()).doesNotContain("1020304050").doesNotContain(EMAIL).doesNotContain("Restrepo");
    }

    @Test
    default void everyViewWritesExactlyOneAuditEntryWithWhoWhenAndWhy() {
        CitizenId maria = scenarioSeven();
        int before = holder().audit.entriesFor(maria).size();

        holder().directory.view(AGENT, maria, "atender llamada call-8");
        holder().directory.view(SUPERVISOR, maria, "revisar la queja de calidad Q-12");
        holder().directory.view(AGENT, maria, "devolver la llamada call-8");

        List<AuditEntry> entries = holder().audit.entriesFor(maria);
        assertThat(entries).hasSize(before + 3);
        List<AuditEntry> reads = entries.stream().filter(e -> e.whatWasRead().equals(CitizenDirectory.READ_UNIFIED_VIEW)).toList();
        assertThat(reads).extracting(AuditEntry::staffUserId).containsExactly(AGENT, SUPERVISOR, AGENT);
        assertThat(reads).extracting(AuditEntry::purpose)
                .containsExactly("atender llamada call-8", "revisar la queja de calidad Q-12", "devolver la llamada call-8");
        assertThat(reads).extracting(AuditEntry::at).containsOnly(NOW);
        assertThat(reads).extracting(AuditEntry::citizenId).containsOnly(maria.toString());
        assertThat(holder().audit.entriesBy(SUPERVISOR)).singleElement()
                .satisfies(e -> assertThat(e.purpose()).isEqualTo("revisar la queja de calidad Q-12"));
    }

    @Test
    default void auditEntriesComeOldestFirstAcrossSeconds() {
        CitizenId maria = scenarioSeven();
        Clock base = Clock.fixed(NOW, ZoneOffset.UTC);
        for (long millis : new long[] {1_500, 0, 2_000, 999}) {
            new CitizenDirectory(holder().store, RULES, Clock.offset(base, Duration.ofMillis(millis)))
                    .view(SUPERVISOR, maria, "muestreo de calidad " + millis);
        }

        assertThat(holder().audit.entriesBy(SUPERVISOR)).extracting(AuditEntry::purpose).containsExactly(
                "muestreo de calidad 0", "muestreo de calidad 999", "muestreo de calidad 1500", "muestreo de calidad 2000");
    }

    @Test
    default void aReadWithoutPurposeIsRefusedAndLeavesNoTrace() {
        CitizenId maria = scenarioSeven();
        int before = holder().audit.entriesFor(maria).size();

        for (String purpose : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> holder().directory.view(AGENT, maria, purpose))
                    .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
        assertThat(holder().audit.entriesFor(maria)).hasSize(before);
        assertThat(holder().audit.entriesBy(AGENT)).hasSize(before);
    }

    @Test
    default void unknownOrDisabledStaffAndUnknownCitizensGetNothingAndLeaveNoEntry() {
        CitizenId maria = scenarioSeven();
        int before = holder().audit.entriesFor(maria).size();

        assertThatThrownBy(() -> holder().directory.view("usr-nadie", maria, "curiosidad"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> holder().directory.view("usr-retirado", maria, "atender llamada"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        CitizenId nobody = CitizenId.random();
        assertThatThrownBy(() -> holder().directory.view(AGENT, nobody, "atender llamada"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

        assertThat(holder().audit.entriesFor(maria)).hasSize(before);
        assertThat(holder().audit.entriesFor(nobody)).isEmpty();
        assertThat(holder().audit.entriesBy("usr-nadie")).isEmpty();
    }

    @Test
    default void agentConfirmsAProposedCitizenAndTheConfirmationIsAudited() {
        CitizenId maria = receive(Channel.VOICE, "call-1", NOW.minus(Duration.ofDays(1)),
                new InboundContact.CitizenHints("CC", CEDULA, PHONE, null, null, null), "estado de mi radicado")
                .citizenId().orElseThrow();
        IntakeResult chat = receive(Channel.CHAT, "chat-1", NOW, new InboundContact.CitizenHints(null, null, PHONE, null, null,
                null), "hola, quiero saber del predial");
        assertThat(chat.citizenId()).contains(maria);
        assertThat(chat.identityStatus()).contains(IdentityStatus.PROPOSED);

        Interaction confirmed = holder().directory.confirmIdentity(AGENT, chat.interactionId(), maria);

        assertThat(confirmed.identityStatus()).isEqualTo(IdentityStatus.CONFIRMED);
        assertThat(holder().intake.interaction(chat.interactionId()).orElseThrow().identityStatus())
                .isEqualTo(IdentityStatus.CONFIRMED);
        assertThat(holder().audit.entriesFor(maria)).singleElement().satisfies(e -> {
            assertThat(e.staffUserId()).isEqualTo(AGENT);
            assertThat(e.whatWasRead()).contains(chat.interactionId().value());
        });
        assertThat(holder().directory.view(AGENT, maria, "atender chat chat-1").interactions())
                .extracting(Interaction::identityStatus).containsExactly(IdentityStatus.CONFIRMED, IdentityStatus.CONFIRMED);
    }

    @Test
    default void confirmingAnAnonymousContactLinksItToTheCitizen() {
        IntakeResult call = receive(Channel.VOICE, "call-1", NOW.minus(Duration.ofDays(1)),
                new InboundContact.CitizenHints("CC", CEDULA, PHONE, null, null, null), "estado de mi radicado");
        CitizenId maria = call.citizenId().orElseThrow();
        IntakeResult anonymous = receive(Channel.CHAT, "chat-anon", NOW, null, "hay un hueco enorme en la carrera 7");
        assertThat(anonymous.citizenId()).isEmpty();

        holder().directory.confirmIdentity(AGENT, anonymous.interactionId(), maria);

        assertThat(holder().directory.view(AGENT, maria, "atender chat chat-anon").interactions())
                .extracting(Interaction::id).containsExactly(anonymous.interactionId(), call.interactionId());
    }

    @Test
    default void confirmingAnotherCitizensContactIsAMergeAndIsRefused() {
        CitizenId maria = receive(Channel.VOICE, "call-1", NOW, new InboundContact.CitizenHints("CC", CEDULA, PHONE, null, null,
                null), "estado de mi radicado").citizenId().orElseThrow();
        IntakeResult other = receive(Channel.CHAT, "chat-2", NOW, new InboundContact.CitizenHints("CC", "79.456.123", null, null,
                null, null), "certificado de residencia");

        assertThatThrownBy(() -> holder().directory.confirmIdentity(AGENT, other.interactionId(), maria))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> holder().directory.confirmIdentity(AGENT, InteractionId.random(), maria))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(holder().audit.entriesFor(maria)).isEmpty();
    }

    @Test
    default void consentHistoryKeepsEveryDecisionAndTheLatestIsTheState() {
        CitizenId maria = scenarioSeven();
        ConsentLog consent = holder().consent;
        assertThat(consent.latest(maria)).isEmpty();
        assertThat(consent.isGranted(maria)).isFalse();

        consent.record(new ConsentRecord(maria.toString(), "2025-01", NOW.minus(Duration.ofDays(2)), "voice",
                "grabación call-7 segundo 12", true));
        consent.record(new ConsentRecord(maria.toString(), "2026-06", NOW, "chat", "mensaje chat-7 #4", false));
        consent.record(new ConsentRecord(maria.toString(), "2026-06", NOW.minus(Duration.ofDays(1)), "email",
                "correo <peticion-7@example.org>", true));

        assertThat(consent.history(maria)).extracting(ConsentRecord::channel).containsExactly("voice", "email", "chat");
        assertThat(consent.latest(maria)).hasValueSatisfying(c -> {
            assertThat(c.granted()).isFalse();
            assertThat(c.noticeVersion()).isEqualTo("2026-06");
            assertThat(c.evidence()).isEqualTo("mensaje chat-7 #4");
        });
        assertThat(consent.isGranted(maria)).isFalse();
        assertThat(holder().directory.view(AGENT, maria, "atender llamada").latestConsent())
                .hasValueSatisfying(c -> assertThat(c.channel()).isEqualTo("chat"));
        assertThatThrownBy(() -> consent.record(new ConsentRecord(CitizenId.random().toString(), "2026-06", NOW, "chat", "x", true)))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
