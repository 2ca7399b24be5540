package org.ventanilla.channels.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.ventanilla.core.domain.answers.AnswerChannel;
import org.ventanilla.core.domain.answers.AnswerRegistry;
import org.ventanilla.core.domain.cases.CaseNumber;
import org.ventanilla.core.intake.DefaultIntakeService;

/**
 * The small services the chat asks of the rest of Ventanilla (the catalog, the case records, the sign-in),
 * kept as narrow interfaces so that {@code ops} can wire the real ones and tests can give simple ones.
 */
public final class ChatServices {

    private ChatServices() {
    }

    /** Whether the chat queue is staffed at a moment (its opening hours and holidays). */
    @FunctionalInterface
    public interface OpeningHours {
        boolean isOpen(Instant at);

        /** Always open. */
        static OpeningHours always() {
            return at -> true;
        }

        /** The opening hours of a queue of the catalog. */
        static OpeningHours of(org.ventanilla.core.domain.catalog.OpeningHours hours) {
            return at -> hours.isOpen(at.atZone(hours.zone()));
        }
    }

    /** The approved answer of an immediate category, in its chat rendering. */
    @FunctionalInterface
    public interface SelfServiceAnswers {
        Optional<ApprovedAnswer> forCategory(String categoryCode);

        /** No self-service. */
        static SelfServiceAnswers none() {
            return category -> Optional.empty();
        }

        /** The first active answer of the category in the registry, in its chat rendering. */
        static SelfServiceAnswers of(AnswerRegistry registry) {
            return category -> registry.activeForCategory(category).stream().findFirst()
                    .map(a -> new ApprovedAnswer(a.id(), a.version(), a.rendering(AnswerChannel.CHAT)));
        }
    }

    /** An approved answer: id, version and the short text for chat. */
    public record ApprovedAnswer(String id, int version, String chatText) {
    }

    /** What a citizen may learn of a case from its radicado: never anything personal. */
    @FunctionalInterface
    public interface CaseStatusLookup {
        Optional<CaseStatusView> find(CaseNumber radicado);

        /** Knows no case. */
        static CaseStatusLookup none() {
            return radicado -> Optional.empty();
        }

        /** The public status kept by intake. */
        static CaseStatusLookup of(DefaultIntakeService intake) {
            return radicado -> intake.statusOf(radicado).map(p -> new CaseStatusView(p.number(), p.status().name(),
                    p.categoryCode(), p.dueDate()));
        }
    }

    /** Status, category and due date of a case, and nothing else. */
    public record CaseStatusView(CaseNumber radicado, String status, String category, LocalDate dueDate) {
    }

    /** Who an agent's token belongs to. */
    @FunctionalInterface
    public interface AgentDirectory {
        Optional<ChatOptions.AgentUser> byToken(String token);
    }
}
