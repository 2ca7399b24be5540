package org.ventanilla.channels.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.ventanilla.core.domain.cases.CaseNumber;

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
    }

    /** The approved answer of an immediate category, in its chat rendering. */
    @FunctionalInterface
    public interface SelfServiceAnswers {
        Optional<ApprovedAnswer> forCategory(String categoryCode);

        /** No self-service. */
        static SelfServiceAnswers none() {
            return category -> Optional.empty();
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
