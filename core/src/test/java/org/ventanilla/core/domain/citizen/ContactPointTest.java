package org.ventanilla.core.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

class ContactPointTest {

    @Test
    void aChatHandleShouldKeepItsNetworkAndMaskTheHandle() {
        ChatHandle handle = ChatHandle.parse("Telegram:@juanperez01 ");

        assertThat(handle.network()).isEqualTo("telegram");
        assertThat(handle.handle()).isEqualTo("@juanperez01");
        assertThat(handle.value()).isEqualTo("telegram:@juanperez01");
        assertThat(handle.kind()).isEqualTo(ContactKind.CHAT);
        assertThat(handle).hasToString("telegram:@*******ez01");
        assertThat(new ChatHandle("webchat", "AbC123xyz")).isNotEqualTo(new ChatHandle("webchat", "abc123xyz"));
    }

    @Test
    void invalidChatHandlesShouldBeRefusedWithoutShowingTheHandle() {
        List<String> raws = List.of("juanperez01", "telegram:", "telegram:juan perez01", "1telegram:juanperez01",
                "tele gram:juanperez01", "telegram:" + "j".repeat(ChatHandle.MAX_HANDLE_LENGTH + 1), "telegram:juan\u0000perez01");
        for (String raw : raws) {
            assertThatThrownBy(() -> ChatHandle.parse(raw))
                    .as(raw)
                    .isInstanceOfSatisfying(VentanillaException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                        assertThat(e.getMessage()).doesNotContain("juan").doesNotContain("jjjj");
                    });
        }
    }

    @Test
    void contactPointsShouldBeParsedByKindAndPrintMasked() {
        List<ContactPoint> points = List.of(
                ContactPoint.parse(ContactKind.PHONE, "300 555 0101"),
                ContactPoint.parse(ContactKind.EMAIL, "maria.gomez@gmail.com"),
                ContactPoint.parse(ContactKind.CHAT, "webchat:5f1c2a9e-visitor"));

        assertThat(points).extracting(ContactPoint::kind).containsExactly(ContactKind.PHONE, ContactKind.EMAIL, ContactKind.CHAT);
        assertThat(points).extracting(ContactPoint::masked)
                .containsExactly("+57*******101", "m***@gmail.com", "webchat:********-***itor");
        for (ContactPoint point : points) {
            assertThat(point.toString()).isEqualTo(point.masked()).doesNotContain(point.value());
        }
        assertThatThrownBy(() -> ContactPoint.parse(null, "300 555 0101")).isInstanceOf(VentanillaException.class);
    }

    @Test
    void citizenIdsShouldRoundTripThroughText() {
        CitizenId id = CitizenId.random();

        assertThat(CitizenId.parse(id.toString())).isEqualTo(id);
        assertThat(CitizenId.parse("3F2504E0-4F89-11D3-9A0C-0305E82C3301").value())
                .isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        for (String bad : new String[] {null, "", "not-a-uuid", "1-2-3-4-5"}) {
            assertThatThrownBy(() -> CitizenId.parse(bad))
                    .isInstanceOfSatisfying(VentanillaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
    }

    @Test
    void maskingShouldKeepSeparatorsAndNeverShowMoreThanHalf() {
        assertThat(Masking.keepLast("1020304050", 4)).isEqualTo("******4050");
        assertThat(Masking.keepLast("12345678-5", 4)).isEqualTo("*****678-5");
        assertThat(Masking.keepLast("123", 4)).isEqualTo("**3");
        assertThat(Masking.keepLast("1", 4)).isEqualTo("*");
        assertThat(Masking.keepLast("1020304050", 9)).isEqualTo("******4050");
        assertThat(Masking.keepLast("", 4)).isEmpty();
        assertThat(Masking.email("maria", "gmail.com")).isEqualTo("m***@gmail.com");
    }
}
