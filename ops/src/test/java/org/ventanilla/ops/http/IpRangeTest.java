package org.ventanilla.ops.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void anIpv4BlockContainsExactlyItsAddresses() {
        IpRange range = IpRange.parse("10.20.0.0/16");

        assertThat(range.contains("10.20.0.1")).isTrue();
        assertThat(range.contains("10.20.255.254")).isTrue();
        assertThat(range.contains("10.21.0.1")).isFalse();
        assertThat(range.contains("10.19.255.255")).isFalse();
    }

    @Test
    void aPrefixThatIsNotAByteBoundaryIsHonoured() {
        IpRange range = IpRange.parse("192.0.2.64/27");

        assertThat(range.contains("192.0.2.64")).isTrue();
        assertThat(range.contains("192.0.2.95")).isTrue();
        assertThat(range.contains("192.0.2.96")).isFalse();
        assertThat(range.contains("192.0.2.63")).isFalse();
    }

    @Test
    void aSingleAddressMatchesOnlyItself() {
        IpRange range = IpRange.parse("203.0.113.7");

        assertThat(range.prefixLength()).isEqualTo(32);
        assertThat(range.contains("203.0.113.7")).isTrue();
        assertThat(range.contains("203.0.113.8")).isFalse();
    }

    @Test
    void slashZeroMatchesEveryAddressOfItsFamilyOnly() {
        assertThat(IpRange.parse("0.0.0.0/0").contains("198.51.100.23")).isTrue();
        assertThat(IpRange.parse("0.0.0.0/0").contains("2001:db8::1")).isFalse();
        assertThat(IpRange.parse("::/0").contains("2001:db8::1")).isTrue();
    }

    @Test
    void ipv6BlocksMatchInAnyWriting() {
        IpRange range = IpRange.parse("2001:db8:cafe::/48");

        assertThat(range.contains("2001:db8:cafe::17")).isTrue();
        assertThat(range.contains("2001:0db8:cafe:0000:0000:0000:0000:0017")).isTrue();
        assertThat(range.contains("[2001:db8:cafe:ffff::1]")).isTrue();
        assertThat(range.contains("2001:db8:caff::1")).isFalse();
        assertThat(IpRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void ipv4MappedIpv6AddressesMatchTheirIpv4Range() {
        assertThat(IpRange.parse("10.0.0.0/8").contains("::ffff:10.1.2.3")).isTrue();
        assertThat(IpRange.parse("::ffff:10.0.0.0/104").contains("10.200.0.1")).isTrue();
        assertThat(IpRange.parse("::ffff:10.0.0.0/104").contains("11.0.0.1")).isFalse();
    }

    @Test
    void anIpv4AddressNeverMatchesAnIpv6RangeAndViceVersa() {
        assertThat(IpRange.parse("2001:db8::/32").contains("10.0.0.1")).isFalse();
        assertThat(IpRange.parse("10.0.0.0/8").contains("2001:db8::1")).isFalse();
    }

    @Test
    void hostNamesAndGarbageAreNotAddresses() {
        assertThat(IpRange.parseAddress("proxy.alcaldia.gov.co")).isEmpty();
        assertThat(IpRange.parseAddress("unknown")).isEmpty();
        assertThat(IpRange.parseAddress("_hidden")).isEmpty();
        assertThat(IpRange.parseAddress("256.1.1.1")).isEmpty();
        assertThat(IpRange.parseAddress("1.2.3")).isEmpty();
        assertThat(IpRange.parseAddress("01.2.3.4")).isEmpty();
        assertThat(IpRange.parse("10.0.0.0/8").contains("proxy.alcaldia.gov.co")).isFalse();
    }

    @Test
    void invalidRangesAreRefusedWithTheText() {
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'10.0.0.0/33'").hasMessageContaining("0-32");
        assertThatThrownBy(() -> IpRange.parse("2001:db8::/129")).hasMessageContaining("0-128");
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/x")).hasMessageContaining("no valid prefix length");
        assertThatThrownBy(() -> IpRange.parse("localhost")).hasMessageContaining("is not an IPv4 or IPv6 address");
    }

    @Test
    void rangesWithTheSameNetworkAreEqual() {
        assertThat(IpRange.parse("10.1.2.3/8")).isEqualTo(IpRange.parse("10.0.0.0/8"));
        assertThat(IpRange.parse("10.1.2.3/8").toString()).isEqualTo("10.1.2.3/8");
    }
}
