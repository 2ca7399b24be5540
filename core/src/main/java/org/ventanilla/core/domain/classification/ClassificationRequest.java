package org.ventanilla.core.domain.classification;

/**
 * What intake knows about a contact when it classifies it: the channel context, when there is one, and the
 * citizen's text. Every field may be null.
 *
 * @param ivrChoice          DTMF digits the caller chose in the IVR menu (mapped by the catalog's IVR options)
 * @param chatTopic          topic picked in the chat widget: a category code
 * @param open311ServiceCode GeoReport v2 {@code service_code} of an Open311 request
 * @param emailSubject       subject of an email; read together with the text
 * @param text               what the citizen wrote or said (chat message, email body, transcript, Open311 description)
 */
public record ClassificationRequest(String ivrChoice, String chatTopic, String open311ServiceCode, String emailSubject,
        String text) {

    /** A request with text only. */
    public static ClassificationRequest ofText(String text) {
        return new ClassificationRequest(null, null, null, null, text);
    }

    /** An email: subject and body. */
    public static ClassificationRequest ofEmail(String subject, String body) {
        return new ClassificationRequest(null, null, null, subject, body);
    }

    /** An IVR contact: the digits chosen and, if any, a transcript. */
    public static ClassificationRequest ofIvr(String digits, String transcript) {
        return new ClassificationRequest(digits, null, null, null, transcript);
    }

    /** A chat contact: the topic picked and the first message. */
    public static ClassificationRequest ofChat(String topic, String message) {
        return new ClassificationRequest(null, topic, null, null, message);
    }

    /** An Open311 request: its service code and description. */
    public static ClassificationRequest ofOpen311(String serviceCode, String description) {
        return new ClassificationRequest(null, null, serviceCode, null, description);
    }

    /** Subject and text together, as the model reads them (empty when both are missing). */
    public String fullText() {
        StringBuilder all = new StringBuilder();
        if (emailSubject != null && !emailSubject.isBlank()) {
            all.append(emailSubject.strip()).append(". ");
        }
        if (text != null) {
            all.append(text.strip());
        }
        return all.toString();
    }

    @Override
    public String toString() {
        // The text is the citizen's own words and may hold personal data: only its length is shown.
        return "ClassificationRequest[ivrChoice=" + ivrChoice + ", chatTopic=" + chatTopic + ", open311ServiceCode="
                + open311ServiceCode + ", subject=" + length(emailSubject) + ", text=" + length(text) + "]";
    }

    private static String length(String value) {
        return value == null ? "null" : value.length() + " chars";
    }
}
