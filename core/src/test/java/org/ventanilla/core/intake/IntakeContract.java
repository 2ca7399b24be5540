package org.ventanilla.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.demo.CatalogLoader;
import org.ventanilla.core.domain.calendar.BusinessCalendar;
import org.ventanilla.core.domain.calendar.Deadlines;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.domain.cases.CaseStatus;
import org.ventanilla.core.domain.catalog.Catalog;
import org.ventanilla.core.domain.citizen.IdentityStatus;
import org.ventanilla.core.domain.citizen.Survivorship;
import org.ventanilla.core.domain.classification.Classifier;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.OutboxEvent;
import org.ventanilla.core.port.RecordStore;
import org.ventanilla.core.store.RecordKinds;

/**
 * What intake must do on every records adapter (memory, H2, PostgreSQL): classify, file, propose the
 * citizen, store once, and store nothing for bad input.
 */
public interface IntakeContract {

    /** Shared by all runs: training takes a moment and the result does not depend on the store. */
    Catalog CATALOG = CatalogLoader.demo();
    Classifier CLASSIFIER = Classifier.train(CATALOG);
    /** Tuesday 2026-11-24, 10:00 in Bogotá. */
    Instant TUESDAY_MORNING = Instant.parse("2026-11-24T15:00:00Z");

    RecordStore newStore();

    /** Per-test state, held by the implementing class. */
    Holder holder();

    /** The store and service under test. */
    final class Holder {
        RecordStore store;
        DefaultIntakeService intake;
    }

    @BeforeEach
    default void openStore() {
        holder().store = newStore();
        Clock clock = Clock.fixed(TUESDAY_MORNING, ZoneOffset.UTC);
        holder().intake = new DefaultIntakeService(holder().store, CATALOG, CLASSIFIER,
                new Deadlines(BusinessCalendar.colombia(clock)), "", Survivorship.trusting("registraduria"));
    }

    @AfterEach
    default void closeStore() {
        holder().store.close();
    }

    private static InboundContact chat(String externalId, InboundContact.CitizenHints who, String topic, String text) {
        return new InboundContact(Channel.CHAT, externalId, TUESDAY_MORNING, who, null, text,
                new InboundContact.ChannelContext(null, topic, null), false, List.of());
    }

    @Test
    default void deferredContactGetsRadicadoAndDueDateInBusinessDays() {
        IntakeResult r = holder().intake.receive(chat("c-1", null, "huecos-via", "Hay un hueco enorme en la calle 45 con carrera 13"));

        assertThat(r.deferred()).isTrue();
        assertThat(r.categoryCode()).isEqualTo("huecos-via");
        assertThat(r.caseNumber()).isPresent();
        assertThat(r.caseNumber().get().value()).matches("2026-\\d{7}");
        // 15 business days from Wednesday 2026-11-25: December 8 (Inmaculada Concepción) is skipped.
        assertThat(r.dueDate()).contains(LocalDate.of(2026, 12, 16));
        assertThat(holder().intake.statusOf(r.caseNumber().get())).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(CaseStatus.FILED);
            assertThat(s.categoryCode()).isEqualTo("huecos-via");
            assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 12, 16));
        });
    }

    @Test
    default void immediateChatContactGetsNoRadicadoUnlessMarkedAsPetition() {
        IntakeResult plain = holder().intake.receive(chat("c-2", null, "estado-cuenta-predial", "cuánto debo del predial"));
        IntakeResult marked = holder().intake.receive(new InboundContact(Channel.CHAT, "c-3", TUESDAY_MORNING, null, null,
                "cuánto debo del predial", new InboundContact.ChannelContext(null, "estado-cuenta-predial", null), true, List.of()));

        assertThat(plain.deferred()).isFalse();
        assertThat(plain.caseNumber()).isEmpty();
        assertThat(marked.deferred()).isFalse();
        assertThat(marked.caseNumber()).isPresent();
        assertThat(marked.dueDate()).isPresent();
    }

    @Test
    default void everyEmailIsAPetitionWithRadicado() {
        IntakeResult r = holder().intake.receive(new InboundContact(Channel.EMAIL, "<m1@correo.example>", TUESDAY_MORNING,
                new InboundContact.CitizenHints(null, null, null, "Maria.Gomez@Example.org", null, null),
                "Derecho de petición - copia del contrato 045", "Solicito copia del contrato 045 de 2025.", null, false, List.of()));

        assertThat(r.caseNumber()).isPresent();
        assertThat(r.dueDate()).isPresent();
        assertThat(r.identityStatus()).contains(IdentityStatus.PROPOSED);
    }

    @Test
    default void radicadosAreUniqueAndIncreasing() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sequences.add(holder().intake.receive(chat("seq-" + i, null, "ruido", "ruido de una discoteca toda la noche"))
                    .caseNumber().orElseThrow().sequence());
        }
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    @Test
    default void anonymousContactCreatesNoCitizen() {
        IntakeResult r = holder().intake.receive(chat("anon-1", null, "horarios-sedes", "a qué hora abren"));

        assertThat(r.citizenId()).isEmpty();
        assertThat(r.identityStatus()).isEmpty();
        List<?> citizens = holder().store.inTransaction(tx -> tx.keysWithPrefix(RecordKinds.CITIZEN_BY_CONTACT, "", 10));
        assertThat(citizens).isEmpty();
    }

    @Test
    default void phoneProposesAndIdentifierConfirmsTheSameCitizen() {
        InboundContact.CitizenHints byPhone = new InboundContact.CitizenHints(null, null, "+57 300 555 0101", null, null, null);
        IntakeResult first = holder().intake.receive(new InboundContact(Channel.VOICE, "call-1", TUESDAY_MORNING, byPhone, null,
                "", new InboundContact.ChannelContext("2", null, null), false, List.of()));
        IntakeResult again = holder().intake.receive(new InboundContact(Channel.VOICE, "call-2", TUESDAY_MORNING,
                new InboundContact.CitizenHints(null, null, "300 555 0101", null, null, null), null, "",
                new InboundContact.ChannelContext("2", null, null), false, List.of()));
        IntakeResult withId = holder().intake.receive(new InboundContact(Channel.CHAT, "chat-9", TUESDAY_MORNING,
                new InboundContact.CitizenHints("CC", "1.020.304.050", null, null, null, "María Fernanda Gómez"), null,
                "quiero saber el estado de mi solicitud", null, false, List.of()));
        IntakeResult withIdAgain = holder().intake.receive(new InboundContact(Channel.CHAT, "chat-10", TUESDAY_MORNING,
                new InboundContact.CitizenHints("CC", "1020304050", null, null, null, null), null,
                "otra pregunta sobre el predial", null, false, List.of()));

        assertThat(first.identityStatus()).contains(IdentityStatus.PROPOSED);
        assertThat(again.citizenId()).isEqualTo(first.citizenId());
        assertThat(again.identityStatus()).contains(IdentityStatus.PROPOSED);
        assertThat(withId.identityStatus()).contains(IdentityStatus.CONFIRMED);
        assertThat(withIdAgain.citizenId()).isEqualTo(withId.citizenId());
        assertThat(withIdAgain.identityStatus()).contains(IdentityStatus.CONFIRMED);
    }

    @Test
    default void contactIsStoredWithItsOutboxEventsInOneTransaction() {
        IntakeResult r = holder().intake.receive(chat("evt-1", null, "arbol-caido", "se cayó un árbol sobre la vía"));

        List<OutboxEvent> events = holder().store.unpublishedEvents(10);
        assertThat(events).extracting(OutboxEvent::type)
                .containsExactly(DefaultIntakeService.EVENT_INTERACTION_RECEIVED, DefaultIntakeService.EVENT_CASE_FILED);
        assertThat(events.get(0).aggregateId()).isEqualTo(r.interactionId().value());
        assertThat(holder().intake.interaction(r.interactionId())).isPresent();
    }

    @Test
    default void sameContactDeliveredTwiceIsStoredOnce() {
        IntakeResult first = holder().intake.receive(chat("dup-1", null, "fuga-agua", "hay una fuga de agua en el andén"));
        IntakeResult second = holder().intake.receive(chat("dup-1", null, "fuga-agua", "hay una fuga de agua en el andén"));

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.interactionId()).isEqualTo(first.interactionId());
        assertThat(second.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(second.dueDate()).isEqualTo(first.dueDate());
        assertThat(holder().store.unpublishedEvents(10)).hasSize(2);
    }

    @Test
    default void sameContactDeliveredConcurrentlyIsStoredOnce() throws Exception {
        int copies = 8;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                String externalId = "race-" + round;
                List<Future<IntakeResult>> futures = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    Callable<IntakeResult> call = () -> {
                        start.await();
                        return holder().intake.receive(chat(externalId, null, "ruido", "ruido de una obra en la noche"));
                    };
                    futures.add(pool.submit(call));
                }
                start.countDown();
                Set<String> interactions = new HashSet<>();
                Set<CaseNumber> cases = new HashSet<>();
                int fresh = 0;
                for (Future<IntakeResult> f : futures) {
                    IntakeResult r = f.get();
                    interactions.add(r.interactionId().value());
                    cases.add(r.caseNumber().orElseThrow());
                    fresh += r.duplicate() ? 0 : 1;
                }
                assertThat(interactions).hasSize(1);
                assertThat(cases).hasSize(1);
                assertThat(fresh).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(holder().store.unpublishedEvents(100)).hasSize(10);
    }

    @Test
    default void invalidIdentifierIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> holder().intake.receive(new InboundContact(Channel.CHAT, "bad-1", TUESDAY_MORNING,
                new InboundContact.CitizenHints("NIT", "899999034-7", null, null, null, null), null, "hola", null, false,
                List.of())))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).doesNotContain("899999034");
                });
        assertThatThrownBy(() -> holder().intake.receive(new InboundContact(Channel.VOICE, "bad-2", TUESDAY_MORNING,
                new InboundContact.CitizenHints(null, null, "12ab", null, null, null), null, "hola", null, false, List.of())))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> holder().intake.receive(new InboundContact(Channel.EMAIL, "bad-3", TUESDAY_MORNING,
                new InboundContact.CitizenHints(null, null, null, "no es un correo", null, null), "asunto", "hola", null, false,
                List.of())))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));

        assertThat(holder().store.unpublishedEvents(10)).isEmpty();
        List<?> keys = holder().store.inTransaction(tx -> tx.keysWithPrefix(RecordKinds.INTERACTION_BY_EXTERNAL_ID, "", 10));
        assertThat(keys).isEmpty();
    }

    @Test
    default void emptyOversizedAndUnknownInputIsRefused() {
        assertThatThrownBy(() -> chat("e-1", null, null, "   "))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> chat("e-2", null, null, "x".repeat(InboundContact.MAX_TEXT + 1)))
                .isInstanceOfSatisfying(VentanillaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("20001").contains("20000");
                });
        assertThatThrownBy(() -> Channel.parse("fax"))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.getMessage()).contains("fax").contains("chat"));
        assertThatThrownBy(() -> holder().intake.receive(chat("e-3", null, "no-existe", "hola")))
                .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(holder().store.unpublishedEvents(10)).isEmpty();
    }

    @Test
    default void emergencyIsFlaggedOnEveryChannel() {
        IntakeResult r = holder().intake.receive(chat("sos-1", null, null, "hay un incendio en el edificio, ayuda"));

        assertThat(r.emergency()).isTrue();
        assertThat(IntakeResult.EMERGENCY_NUMBER).isEqualTo("123");
    }
}
