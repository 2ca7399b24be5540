package org.ventanilla.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Attachments.AttachmentInfo;
import org.ventanilla.core.testing.MutableClock;

/**
 * What every {@link Attachments} adapter does. The adapter under test is configured with {@link #MAX_BYTES},
 * {@link #RETENTION}, the default allowed types (PNG, JPEG, GIF, WebP, PDF, plain text) and {@link #clock()}.
 */
public interface AttachmentsContract {

    long MAX_BYTES = 256 * 1024;
    Duration RETENTION = Duration.ofDays(30);

    Attachments attachments();

    MutableClock clock();

    private static ByteArrayInputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ErrorCode codeOf(Throwable failure) {
        return ((VentanillaException) failure).code();
    }

    @Test
    default void aStoredAttachmentIsReadBackByteForByteWithItsDescription() {
        byte[] photo = AttachmentSamples.image("png");

        AttachmentInfo info = attachments().store("hueco-calle-45-sur.png", stream(photo));

        assertThat(info.fileName()).isEqualTo("hueco-calle-45-sur.png");
        assertThat(info.mediaType()).isEqualTo("image/png");
        assertThat(info.size()).isEqualTo(photo.length);
        assertThat(info.sha256()).isEqualTo(AttachmentSamples.sha256(photo));
        assertThat(info.storedAt()).isEqualTo(clock().instant());
        assertThat(attachments().describe(info.id())).contains(info);
        assertThat(readAll(attachments().open(info.id()).orElseThrow())).isEqualTo(photo);
    }

    @Test
    default void everyAllowedKindOfContentIsAccepted() {
        assertThat(attachments().store("foto.jpg", stream(AttachmentSamples.image("jpeg"))).mediaType()).isEqualTo("image/jpeg");
        assertThat(attachments().store("animacion.gif", stream(AttachmentSamples.image("gif"))).mediaType()).isEqualTo("image/gif");
        assertThat(attachments().store("captura.webp", stream(AttachmentSamples.webp())).mediaType()).isEqualTo("image/webp");
        assertThat(attachments().store("peticion.pdf", stream(AttachmentSamples.pdf())).mediaType()).isEqualTo("application/pdf");
        assertThat(attachments().store("nota.txt", stream(AttachmentSamples.text("Señores Alcaldía: solicito revisión del predio.")))
                .mediaType()).isEqualTo("text/plain");
    }

    @Test
    default void theTypeComesFromTheContentNotFromTheName() {
        AttachmentInfo photoNamedPdf = attachments().store("acta-de-visita.pdf", stream(AttachmentSamples.image("png")));
        AttachmentInfo pdfNamedJpg = attachments().store("foto.jpg", stream(AttachmentSamples.pdf()));

        assertThat(photoNamedPdf.mediaType()).isEqualTo("image/png");
        assertThat(pdfNamedJpg.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    default void anExecutableNamedAsAPdfIsRejected() {
        assertThatThrownBy(() -> attachments().store("radicado-2025-0001234.pdf", stream(AttachmentSamples.windowsExecutable())))
                .isInstanceOf(VentanillaException.class)
                .hasMessageStartingWith("attachment type 'application/x-msdownload' is not allowed (allowed: application/pdf, image/gif")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REJECTED_CONTENT));
    }

    @Test
    default void aWebPageIsNotPlainTextAndIsRejected() {
        assertThatThrownBy(() -> attachments().store("nota.txt",
                stream(AttachmentSamples.text("<html><body><script>alert(1)</script></body></html>"))))
                .hasMessageStartingWith("attachment type 'text/html' is not allowed")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REJECTED_CONTENT));
    }

    @Test
    default void contentOfExactlyTheLimitIsAcceptedAndOneByteMoreIsRejected() {
        byte[] atLimit = AttachmentSamples.text("a".repeat((int) MAX_BYTES));
        byte[] overLimit = AttachmentSamples.text("a".repeat((int) MAX_BYTES + 1));

        assertThat(attachments().store("largo.txt", stream(atLimit)).size()).isEqualTo(MAX_BYTES);
        assertThatThrownBy(() -> attachments().store("largo.txt", stream(overLimit)))
                .hasMessage("attachment size exceeds the allowed maximum (" + MAX_BYTES + " bytes)")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
    }

    @Test
    default void emptyContentIsRejected() {
        assertThatThrownBy(() -> attachments().store("vacio.txt", stream(new byte[0])))
                .hasMessage("attachment is empty")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    default void everyAttachmentGetsItsOwnUnguessableId() {
        byte[] letter = AttachmentSamples.pdf();

        AttachmentInfo first = attachments().store("carta.pdf", stream(letter));
        AttachmentInfo second = attachments().store("carta.pdf", stream(letter));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(UUID.fromString(first.id()).version()).as("random UUID").isEqualTo(4);
        assertThat(UUID.fromString(second.id()).version()).isEqualTo(4);
    }

    @Test
    default void onlyTheLastSegmentOfTheFileNameIsKept() {
        AttachmentInfo info = attachments().store("C:\\Users\\ana\\Documentos\\cédula ampliada.pdf", stream(AttachmentSamples.pdf()));
        AttachmentInfo traversal = attachments().store("../../../etc/passwd", stream(AttachmentSamples.text("root:x:0:0")));
        AttachmentInfo unnamed = attachments().store(null, stream(AttachmentSamples.pdf()));

        assertThat(info.fileName()).isEqualTo("cédula ampliada.pdf");
        assertThat(traversal.fileName()).isEqualTo("passwd");
        assertThat(unnamed.fileName()).isEqualTo("attachment");
        assertThat(attachments().describe(info.id()).orElseThrow().fileName()).isEqualTo("cédula ampliada.pdf");
    }

    @Test
    default void unknownOrMalformedIdsFindNothing() {
        attachments().store("foto.png", stream(AttachmentSamples.image("png")));

        assertThat(attachments().describe(UUID.randomUUID().toString())).isEmpty();
        assertThat(attachments().open(UUID.randomUUID().toString())).isEmpty();
        assertThat(attachments().describe("../../../etc/passwd")).isEmpty();
        assertThat(attachments().open("../.tmp/x")).isEmpty();
        assertThat(attachments().describe("")).isEmpty();
        assertThat(attachments().open(null)).isEmpty();
    }

    @Test
    default void purgeDeletesOnlyAttachmentsStoredBeforeTheRetention() {
        AttachmentInfo old = attachments().store("antiguo.pdf", stream(AttachmentSamples.pdf()));
        clock().advance(Duration.ofDays(20));
        AttachmentInfo recent = attachments().store("reciente.png", stream(AttachmentSamples.image("png")));

        assertThat(attachments().purgeExpired(clock().instant())).isZero();
        clock().advance(Duration.ofDays(11));
        int purged = attachments().purgeExpired(clock().instant());

        assertThat(purged).isEqualTo(1);
        assertThat(attachments().describe(old.id())).isEmpty();
        assertThat(attachments().open(old.id())).isEmpty();
        assertThat(attachments().describe(recent.id())).contains(recent);
        assertThat(attachments().open(recent.id())).isPresent().get().satisfies(in -> readAll(in));
    }
}
