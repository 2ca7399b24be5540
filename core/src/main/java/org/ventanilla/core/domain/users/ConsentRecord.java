package org.ventanilla.core.domain.users;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * A citizen's decision about the processing of their personal data (Ley 1581 de 2012): which privacy notice
 * they were given, when, on which channel, whether they agreed or withdrew, and the evidence of it.
 *
 * @param citizenId     id of the citizen record
 * @param noticeVersion version of the privacy notice shown or read, for example {@code "2025-01"}
 * @param at            when the decision was made
 * @param channel       where: {@code voice}, {@code chat}, {@code email}, {@code open311}, {@code in-person}...
 * @param evidence      how it can be shown later: a recording segment id, a chat message id, a signed form id
 * @param granted       true when the citizen agreed, false when they refused or withdrew consent
 */
public record ConsentRecord(String citizenId, String noticeVersion, Instant at, String channel, String evidence,
        boolean granted) {

    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ConsentRecord {
        if (citizenId == null || citizenId.isBlank()) {
            throw invalid("citizen id of a consent record is required");
        }
        if (noticeVersion == null || noticeVersion.isBlank() || noticeVersion.length() > 40) {
            throw invalid("notice version of a consent record must be 1 to 40 characters");
        }
        Objects.requireNonNull(at, "at");
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw invalid("channel '" + channel + "' of a consent record is not a code like 'voice'");
        }
        if (evidence == null || evidence.isBlank() || evidence.length() > 500) {
            throw invalid("evidence of a consent record must be 1 to 500 characters");
        }
    }

    @Override
    public String toString() {
        return "ConsentRecord[citizenId=" + Masking.mask(citizenId) + ", noticeVersion=" + noticeVersion + ", at=" + at
                + ", channel=" + channel + ", evidence=" + Masking.mask(evidence) + ", granted=" + granted + "]";
    }

    private static VentanillaException invalid(String message) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, message);
    }
}
