package org.ventanilla.core.adapter.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.AttachmentSamples;

class ClamAvScannerTest {

    private ClamdDouble clamd;
    private ClamAvScanner scanner;

    @BeforeEach
    void startClamd() throws IOException {
        clamd = ClamdDouble.start();
        scanner = ClamAvScanner.create("127.0.0.1", clamd.port(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopClamd() throws IOException {
        clamd.close();
        assertThat(clamd.protocolErrors()).as("INSTREAM protocol errors seen by the clamd double").isEmpty();
    }

    @Test
    void cleanContentIsReportedClean() {
        VirusScanner.Verdict verdict = scanner.scan(new ByteArrayInputStream(AttachmentSamples.pdf()));

        assertThat(verdict.isClean()).isTrue();
        assertThat(clamd.commands()).containsExactly("zINSTREAM");
    }

    @Test
    void theEicarTestFileIsReportedWithItsSignatureName() {
        VirusScanner.Verdict verdict = scanner.scan(new ByteArrayInputStream(AttachmentSamples.text(AttachmentSamples.EICAR)));

        assertThat(verdict.isClean()).isFalse();
        assertThat(verdict.threat()).contains(ClamdDouble.EICAR_SIGNATURE);
    }

    @Test
    void largeContentIsSentInChunksOfAtMost64KiB() {
        byte[] content = new byte[200_000];
        Arrays.fill(content, (byte) 'x');
        byte[] eicarAtTheEnd = AttachmentSamples.text(AttachmentSamples.EICAR);
        System.arraycopy(eicarAtTheEnd, 0, content, content.length - eicarAtTheEnd.length, eicarAtTheEnd.length);

        VirusScanner.Verdict verdict = scanner.scan(new ByteArrayInputStream(content));

        assertThat(verdict.isClean()).isFalse();
        assertThat(clamd.chunkLengths()).hasSizeGreaterThan(3).allMatch(length -> length <= ClamAvScanner.CHUNK_SIZE);
        assertThat(clamd.chunkLengths().stream().mapToInt(Integer::intValue).sum()).isEqualTo(content.length);
    }

    @Test
    void anUnreachableScannerIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ClamAvScanner nowhere = ClamAvScanner.create("127.0.0.1", closedPort, Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.scan(new ByteArrayInputStream(AttachmentSamples.pdf())))
                .isInstanceOf(VentanillaException.class)
                .hasMessage("virus scanner (clamd at 127.0.0.1:" + closedPort + ") is unreachable")
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void aStreamOverClamdsLimitIsUnavailableWithClamdsReason() {
        clamd.mode(ClamdDouble.Mode.SIZE_LIMIT);
        clamd.streamMaxLength(100_000);
        byte[] content = new byte[1_000_000];

        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(content)))
                .isInstanceOf(VentanillaException.class)
                .hasMessageContaining("INSTREAM size limit exceeded. ERROR")
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void aScannerThatNeverAnswersIsUnavailableAfterTheTimeout() {
        clamd.mode(ClamdDouble.Mode.SILENT);
        ClamAvScanner impatient = ClamAvScanner.create("127.0.0.1", clamd.port(), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.scan(new ByteArrayInputStream(AttachmentSamples.pdf())))
                .isInstanceOf(VentanillaException.class)
                .hasMessage("virus scanner (clamd at 127.0.0.1:" + clamd.port() + ") did not answer within 300 ms")
                .satisfies(e -> assertThat(((VentanillaException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void badScannerSettingsAreRejected() {
        assertThatThrownBy(() -> ClamAvScanner.create("", 3310)).hasMessage("clamd host is missing");
        assertThatThrownBy(() -> ClamAvScanner.create("clamav.alcaldia.local", 70000)).hasMessage("clamd port (70000) is outside 1..65535");
    }
}
