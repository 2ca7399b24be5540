package org.ventanilla.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.ventanilla.ops.config.Settings.ForwardedHeader;

class TrustedProxiesTest {

    private static final String CITIZEN = "181.49.10.23";
    private static final String LOAD_BALANCER = "10.0.0.5";
    private static final String INGRESS = "10.0.1.9";

    private final TrustedProxies xff = new TrustedProxies(
            List.of(IpRange.parse("10.0.0.0/16"), IpRange.parse("2001:db8:ffff::/48")), ForwardedHeader.X_FORWARDED_FOR);
    private final TrustedProxies forwarded = new TrustedProxies(List.of(IpRange.parse("10.0.0.0/16")), ForwardedHeader.FORWARDED);

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
        TrustedProxies none = new TrustedProxies(List.of(), ForwardedHeader.X_FORWARDED_FOR);

        ClientAddress address = none.resolve(CITIZEN, "http", headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Proto", "https"));

        assertThat(address).isEqualTo(new ClientAddress(CITIZEN, "http", CITIZEN));
        assertThat(address.forwarded()).isFalse();
    }

    @Test
    void anUntrustedPeerCannotForgeItsAddress() {
        ClientAddress address = xff.resolve(CITIZEN, "http", headers("X-Forwarded-For", "10.0.0.7", "X-Forwarded-Proto", "https"));

        assertThat(address.ip()).isEqualTo(CITIZEN);
        assertThat(address.scheme()).isEqualTo("http");
    }

    @Test
    void behindOneTrustedProxyTheForwardedAddressIsTheClient() {
        ClientAddress address = xff.resolve(LOAD_BALANCER, "http", headers("X-Forwarded-For", CITIZEN, "X-Forwarded-Proto", "https"));

        assertThat(address).isEqualTo(new ClientAddress(CITIZEN, "https", LOAD_BALANCER));
        assertThat(address.forwarded()).isTrue();
    }

    @Test
    void theRightMostUntrustedAddressWinsOverWhatTheClientPrepended() {
        // the citizen sent "X-Forwarded-For: 8.8.8.8, 10.0.0.99" to look like someone else; the proxies appended the rest
        ClientAddress address = xff.resolve(INGRESS, "http",
                headers("X-Forwarded-For", "8.8.8.8, 10.0.0.99, " + CITIZEN + ", " + LOAD_BALANCER));

        assertThat(address.ip()).isEqualTo(CITIZEN);
    }

    @Test
    void severalHeaderLinesFormOneChain() {
        ClientAddress address = xff.resolve(INGRESS, "http", headers("X-Forwarded-For", "8.8.8.8", "X-Forwarded-For",
                CITIZEN + "," + LOAD_BALANCER));

        assertThat(address.ip()).isEqualTo(CITIZEN);
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        ClientAddress address = xff.resolve(INGRESS, "http", headers("X-Forwarded-For", "10.0.3.3, " + LOAD_BALANCER));

        assertThat(address.ip()).isEqualTo("10.0.3.3");
    }

    @Test
    void aTrustedPeerWithoutHeadersIsItselfTheClient() {
        assertThat(xff.resolve(LOAD_BALANCER, "https", headers()).ip()).isEqualTo(LOAD_BALANCER);
        assertThat(xff.resolve(LOAD_BALANCER, "https", headers()).scheme()).isEqualTo("https");
    }

    @Test
    void garbageInTheChainStopsTheWalkAtTheLastTrustedHop() {
        ClientAddress address = xff.resolve(INGRESS, "http", headers("X-Forwarded-For", CITIZEN + ", not-an-ip, " + LOAD_BALANCER));

        assertThat(address.ip()).isEqualTo(LOAD_BALANCER);
    }

    @Test
    void portsAndIpv6AreUnderstood() {
        ClientAddress v4 = xff.resolve(LOAD_BALANCER, "http", headers("X-Forwarded-For", CITIZEN + ":51234"));
        ClientAddress v6 = xff.resolve("2001:db8:ffff::10", "http", headers("X-Forwarded-For", "2800:e2:1a00::23"));
        ClientAddress bracketed = xff.resolve("::ffff:10.0.0.5", "http", headers("X-Forwarded-For", "[2800:e2:1a00::23]:443"));

        assertThat(v4.ip()).isEqualTo(CITIZEN);
        assertThat(v6.ip()).isEqualTo("2800:e2:1a00:0:0:0:0:23");
        assertThat(v6.peer()).isEqualTo("2001:db8:ffff:0:0:0:0:10");
        assertThat(bracketed.ip()).isEqualTo("2800:e2:1a00:0:0:0:0:23");
        assertThat(bracketed.peer()).isEqualTo(LOAD_BALANCER);
    }

    @Test
    void theSchemeFollowsTheChosenHopWhenProxiesAppendToBothHeaders() {
        ClientAddress address = xff.resolve(INGRESS, "http",
                headers("X-Forwarded-For", CITIZEN + ", " + LOAD_BALANCER, "X-Forwarded-Proto", "https, http"));

        assertThat(address.scheme()).isEqualTo("https");
    }

    @Test
    void anUnknownSchemeIsIgnored() {
        ClientAddress address = xff.resolve(LOAD_BALANCER, "http", headers("X-Forwarded-For", CITIZEN, "X-Forwarded-Proto", "gopher"));

        assertThat(address.scheme()).isEqualTo("http");
    }

    @Test
    void forwardedIsReadWhenTheProxiesSetIt() {
        ClientAddress address = forwarded.resolve(INGRESS, "http", headers(
                "Forwarded", "for=8.8.8.8;proto=http, for=\"" + CITIZEN + ":4711\";proto=https;by=10.0.0.5",
                "Forwarded", "for=" + LOAD_BALANCER + ";proto=http"));

        assertThat(address).isEqualTo(new ClientAddress(CITIZEN, "https", INGRESS));
    }

    @Test
    void forwardedUnderstandsQuotedIpv6AndObfuscatedNodes() {
        ClientAddress v6 = forwarded.resolve(LOAD_BALANCER, "http", headers("Forwarded", "For=\"[2800:e2:1a00::23]:4711\";Proto=HTTPS"));
        ClientAddress hidden = forwarded.resolve(LOAD_BALANCER, "http", headers("Forwarded", "for=_hidden, for=unknown"));

        assertThat(v6.ip()).isEqualTo("2800:e2:1a00:0:0:0:0:23");
        assertThat(v6.scheme()).isEqualTo("https");
        assertThat(hidden.ip()).isEqualTo(LOAD_BALANCER);
    }

    @Test
    void theHeaderThatIsNotConfiguredIsIgnoredSoItCannotBeForged() {
        ClientAddress viaXff = xff.resolve(LOAD_BALANCER, "http", headers("Forwarded", "for=8.8.8.8", "X-Forwarded-For", CITIZEN));
        ClientAddress viaForwarded = forwarded.resolve(LOAD_BALANCER, "http",
                headers("X-Forwarded-For", "8.8.8.8", "Forwarded", "for=" + CITIZEN));

        assertThat(viaXff.ip()).isEqualTo(CITIZEN);
        assertThat(viaForwarded.ip()).isEqualTo(CITIZEN);
    }

    private static Function<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return name -> map.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
