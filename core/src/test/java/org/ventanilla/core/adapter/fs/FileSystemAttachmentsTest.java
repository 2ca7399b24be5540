package org.ventanilla.core.adapter.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.AttachmentSamples;
import org.ventanilla.core.port.Attachments;
import org.ventanilla.core.port.Attachments.AttachmentInfo;
import org.ventanilla.core.port.AttachmentsContract;
import org.ventanilla.core.testing.MutableClock;

class FileSystemAttachmentsTest implements AttachmentsContract {

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-24T13:00:00Z"));
    private AttachmentSettings settings;
    private FileSystemAttachments attachments;
    private ClamdDouble clamd;

    @BeforeEach
    void createAttachments() {
        settings = AttachmentSettings.defaults(directory).withMaxBytes(MAX_BYTES).withRetention(RETENTION).withClock(clock);
        attachments = FileSystemAttachments.create(settings);
    }

    @AfterEach
    void stopClamd() throws IOException {
        if (clamd != null) {
            clamd.close();
        }
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static ErrorCode codeOf(Throwable failure) {
        return ((VentanillaException) failure).code();
    }

    @Test
    void contentAndMetadataLieSideBySideNamedOnlyByTheId() throws IOException {
        AttachmentInfo info = attachments.store("../../../../tmp/cédula Juan Pérez.pdf", new ByteArrayInputStream(AttachmentSamples.pdf()));

        Path shard = directory.resolve(info.id().substring(0, 2));
        assertThat(filesUnder(directory)).containsExactlyInAnyOrder(
                shard.resolve(info.id() + ".content"), shard.resolve(info.id() + ".properties"));
        String metadata = Files.readString(shard.resolve(info.id() + ".properties"), StandardCharsets.UTF_8);
        assertThat(metadata).contains("mediaType=application/pdf", "sha256=" + info.sha256(), "virusScanned=false",
                "storedAt=2025-03-24T13\\:00\\:00Z", "fileName=cédula Juan Pérez.pdf");
    }

    @Test
    void nothingIsLeftBehindWhenTheSizeLimitIsExceeded() throws IOException {
        byte[] tooBig = new byte[(int) MAX_BYTES + 70_000];

        assertThatThrownBy(() -> attachments.store("grande.txt", new ByteArrayInputStream(tooBig)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.LIMIT_EXCEEDED));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void theUploadIsNotReadFurtherThanTheLimit() {
        CountingStream endless = new CountingStream();

        assertThatThrownBy(() -> attachments.store("infinito.txt", endless))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.LIMIT_EXCEEDED));

        assertThat(endless.served).isLessThanOrEqualTo(MAX_BYTES + 64 * 1024);
    }

    @Test
    void nothingIsLeftBehindWhenTheTypeIsRefused() throws IOException {
        assertThatThrownBy(() -> attachments.store("informe.pdf", new ByteArrayInputStream(AttachmentSamples.windowsExecutable())))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REJECTED_CONTENT));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void aFullDiskIsUnavailableAndLeavesNothingBehind() throws IOException {
        // The real temporary file receives the first 100 KB, then the disk "fills up" as write(2) reports ENOSPC.
        FileSystemAttachments onFullDisk = FileSystemAttachments.create(settings,
                temp -> new FailingAfter(Files.newOutputStream(temp, StandardOpenOption.WRITE), 100_000, "No space left on device"));
        byte[] photo = new byte[200_000];

        assertThatThrownBy(() -> onFullDisk.store("foto.png", new ByteArrayInputStream(photo)))
                .isInstanceOf(VentanillaException.class)
                .hasMessage("attachment storage is full (no space left on device)")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.UNAVAILABLE));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void anyOtherWriteFailureIsUnavailableAndLeavesNothingBehind() throws IOException {
        FileSystemAttachments onBrokenDisk = FileSystemAttachments.create(settings,
                temp -> new FailingAfter(Files.newOutputStream(temp, StandardOpenOption.WRITE), 10, "Input/output error"));

        assertThatThrownBy(() -> onBrokenDisk.store("foto.png", new ByteArrayInputStream(AttachmentSamples.image("png"))))
                .hasMessage("attachment storage cannot be written (IOException)")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.UNAVAILABLE));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void anInterruptedUploadIsRefusedAndLeavesNothingBehind() throws IOException {
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 1000) {
                    throw new IOException("Connection reset by peer");
                }
                return 'a';
            }
        };

        assertThatThrownBy(() -> attachments.store("nota.txt", broken))
                .hasMessage("attachment upload was interrupted (IOException)")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_INPUT));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void aVirusFoundByClamdIsRefusedAndLeavesNothingBehind() throws IOException {
        clamd = ClamdDouble.start();
        FileSystemAttachments scanned = FileSystemAttachments.create(
                settings.withVirusScanner(ClamAvScanner.create("127.0.0.1", clamd.port(), Duration.ofSeconds(5))));

        assertThatThrownBy(() -> scanned.store("factura.txt", new ByteArrayInputStream(AttachmentSamples.text(AttachmentSamples.EICAR))))
                .isInstanceOf(VentanillaException.class)
                .hasMessage("attachment contains a virus (" + ClamdDouble.EICAR_SIGNATURE + ")")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REJECTED_CONTENT));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void cleanContentScannedByClamdIsStoredAndMarkedScanned() throws IOException {
        clamd = ClamdDouble.start();
        FileSystemAttachments scanned = FileSystemAttachments.create(
                settings.withVirusScanner(ClamAvScanner.create("127.0.0.1", clamd.port(), Duration.ofSeconds(5))));

        AttachmentInfo info = scanned.store("peticion.pdf", new ByteArrayInputStream(AttachmentSamples.pdf()));

        assertThat(scanned.describe(info.id())).contains(info);
        assertThat(Files.readString(directory.resolve(info.id().substring(0, 2)).resolve(info.id() + ".properties")))
                .contains("virusScanned=true");
        assertThat(clamd.commands()).containsExactly("zINSTREAM");
    }

    @Test
    void whenTheScannerIsDownTheAttachmentIsRefusedAsUnavailableByDefault() throws IOException {
        FileSystemAttachments scanned = FileSystemAttachments.create(settings.withVirusScanner(scannerOnAClosedPort()));

        assertThatThrownBy(() -> scanned.store("peticion.pdf", new ByteArrayInputStream(AttachmentSamples.pdf())))
                .hasMessageStartingWith("virus scanner (clamd at 127.0.0.1:")
                .hasMessageEndingWith(") is unreachable")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.UNAVAILABLE));

        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void whenTheScannerIsDownTheAttachmentCanBeKeptUnscannedIfConfigured() throws IOException {
        FileSystemAttachments scanned = FileSystemAttachments.create(settings.withVirusScanner(scannerOnAClosedPort())
                .withWhenScannerDown(AttachmentSettings.WhenScannerDown.STORE_UNSCANNED));

        AttachmentInfo info = scanned.store("peticion.pdf", new ByteArrayInputStream(AttachmentSamples.pdf()));

        assertThat(scanned.describe(info.id())).contains(info);
        assertThat(Files.readString(directory.resolve(info.id().substring(0, 2)).resolve(info.id() + ".properties")))
                .contains("virusScanned=false");
    }

    @Test
    void purgeAlsoRemovesLeftoversOfACrashOlderThanTheRetention() throws IOException {
        AttachmentInfo kept = attachments.store("reciente.png", new ByteArrayInputStream(AttachmentSamples.image("png")));
        Path orphan = directory.resolve("ab").resolve("ab0c4c1e-7d55-4c1c-9a57-3c1d1bb0a1f2.content");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, AttachmentSamples.pdf());
        Path staleUpload = directory.resolve(".tmp").resolve("upload-123.part");
        Files.write(staleUpload, new byte[10]);
        FileTime longAgo = FileTime.from(clock.instant().minus(Duration.ofDays(40)));
        Files.setLastModifiedTime(orphan, longAgo);
        Files.setLastModifiedTime(staleUpload, longAgo);

        assertThat(attachments.purgeExpired(clock.instant())).isZero();

        assertThat(orphan).doesNotExist();
        assertThat(staleUpload).doesNotExist();
        assertThat(attachments.describe(kept.id())).contains(kept);
    }

    @Test
    void badSettingsAreRejectedWithTheValueAndTheRule() {
        assertThatThrownBy(() -> settings.withMaxBytes(0))
                .hasMessage("attachment maximum size (0 bytes) must be at least 1 byte");
        assertThatThrownBy(() -> settings.withAllowedMediaTypes(Set.of("pdf")))
                .hasMessage("allowed attachment media type 'pdf' is not of the form type/subtype");
        assertThatThrownBy(() -> settings.withRetention(Duration.ZERO))
                .hasMessage("attachment retention (PT0S) must be positive")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void allowedTypesCanBeNarrowed() {
        FileSystemAttachments imagesOnly = FileSystemAttachments.create(settings.withAllowedMediaTypes(Set.of("IMAGE/PNG", "image/jpeg")));

        AttachmentInfo photo = imagesOnly.store("foto.png", new ByteArrayInputStream(AttachmentSamples.image("png")));

        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThatThrownBy(() -> imagesOnly.store("carta.pdf", new ByteArrayInputStream(AttachmentSamples.pdf())))
                .hasMessage("attachment type 'application/pdf' is not allowed (allowed: image/jpeg, image/png)");
    }

    private static ClamAvScanner scannerOnAClosedPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        return ClamAvScanner.create("127.0.0.1", closedPort, Duration.ofSeconds(2));
    }

    /** Passes writes through to the real file until {@code limit} bytes, then fails as the kernel would. */
    private static final class FailingAfter extends FilterOutputStream {
        private final long limit;
        private final String failure;
        private long written;

        FailingAfter(OutputStream out, long limit, String failure) {
            super(out);
            this.limit = limit;
            this.failure = failure;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (written + length > limit) {
                int room = (int) (limit - written);
                out.write(bytes, offset, room);
                written = limit;
                throw new IOException(failure);
            }
            out.write(bytes, offset, length);
            written += length;
        }
    }

    /** An upload that never ends: counts what it served. */
    private static final class CountingStream extends InputStream {
        private long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'a');
            served += length;
            return length;
        }
    }
}
