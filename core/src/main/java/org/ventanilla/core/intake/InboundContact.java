package org.ventanilla.core.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ventanilla.core.domain.interaction.Channel;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * One normalized inbound contact, as every channel adapter hands it to intake. Raw citizen data (identifier,
 * phone, email) is validated by intake, not here, so that a bad value gets one clear error in one place.
 *
 * @param channel where it came from
 * @param externalId the channel's own id (a call's unique id, a chat session id, a Message-ID, an Open311
 *     token); intake is idempotent by (channel, externalId)
 * @param receivedAt when the channel received it
 * @param citizen what the citizen told about themselves (all optional; all empty means anonymous)
 * @param subject subject line (email) or null
 * @param text what the citizen said or wrote (may be empty when the context alone says enough)
 * @param context channel context that feeds classification
 * @param petition true when the citizen or the agent marked it as a petition (it then gets a radicado)
 * @param attachmentIds ids from the attachments port
 */
public record InboundContact(Channel channel, String externalId, Instant receivedAt, CitizenHints citizen, String subject,
        String text, ChannelContext context, boolean petition, List<String> attachmentIds) {

    /** Longest text accepted, in characters. */
    public static final int MAX_TEXT = 20_000;
    /** Longest subject accepted, in characters. */
    public static final int MAX_SUBJECT = 998;
    /** Longest external id accepted, in characters. */
    public static final int MAX_EXTERNAL_ID = 200;

    public InboundContact {
        if (channel == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "contact has no channel");
        }
        if (externalId == null || externalId.isBlank()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "contact on " + channel.code() + " has no external id");
        }
        if (externalId.length() > MAX_EXTERNAL_ID) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED, "external id length (" + externalId.length()
                    + ") exceeds the allowed maximum (" + MAX_EXTERNAL_ID + ")");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        citizen = citizen == null ? CitizenHints.ANONYMOUS : citizen;
        context = context == null ? ChannelContext.NONE : context;
        text = text == null ? "" : text;
        if (text.length() > MAX_TEXT) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    "contact text length (" + text.length() + ") exceeds the allowed maximum (" + MAX_TEXT + ")");
        }
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                    "contact subject length (" + subject.length() + ") exceeds the allowed maximum (" + MAX_SUBJECT + ")");
        }
        if (text.isBlank() && (subject == null || subject.isBlank()) && context.isEmpty()) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "contact on " + channel.code() + " is empty (no text, subject or channel context)");
        }
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    /** What the citizen said about themselves; every field may be null. */
    public record CitizenHints(String identifierType, String identifierValue, String phone, String email, String chatHandle,
            String name) {

        public static final CitizenHints ANONYMOUS = new CitizenHints(null, null, null, null, null, null);

        public boolean isAnonymous() {
            return blank(identifierValue) && blank(phone) && blank(email) && blank(chatHandle);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Channel context that names or hints a category. */
    public record ChannelContext(String ivrChoice, String chatTopic, String open311ServiceCode) {

        public static final ChannelContext NONE = new ChannelContext(null, null, null);

        public boolean isEmpty() {
            return ivrChoice == null && chatTopic == null && open311ServiceCode == null;
        }
    }
}
