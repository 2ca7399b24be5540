package org.ventanilla.ops.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IP address or CIDR block, IPv4 or IPv6 ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code 2001:db8::/32},
 * {@code ::1}). Only literal addresses are accepted: parsing never does a DNS lookup. An IPv4-mapped IPv6
 * address ({@code ::ffff:10.1.2.3}) is treated as the IPv4 address it carries, on both sides of a match.
 */
public final class IpRange {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] address, int prefixLength, String text) {
        this.network = mask(address.clone(), prefixLength);
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** The number of leading bits that must match (32 for one IPv4 address, 128 for one IPv6 address). */
    public int prefixLength() {
        return prefixLength;
    }

    /**
     * Parses {@code address} or {@code address/prefix}.
     *
     * @throws IllegalArgumentException when the text is not a literal IP address or CIDR block
     */
    public static IpRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = parseAddress(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address or CIDR block"));
        // ::ffff:a.b.c.d/n is written over the 128 bits of the IPv6 form but matched as IPv4
        boolean mapped = address.length == 4 && addressPart.contains(":");
        int maxPrefix = mapped ? 128 : address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixPart = trimmed.substring(slash + 1);
            if (!prefixPart.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length (0-" + maxPrefix + ")");
            }
            prefix = Integer.parseInt(prefixPart);
            if (prefix > maxPrefix) {
                throw new IllegalArgumentException("'" + text + "' has prefix length " + prefix + " (allowed 0-" + maxPrefix + ")");
            }
        }
        if (mapped) {
            prefix = Math.max(0, prefix - 96);
        }
        return new IpRange(address, prefix, trimmed);
    }

    /**
     * The bytes of a literal IPv4 or IPv6 address (4 bytes for IPv4 and IPv4-mapped IPv6), or empty when the text
     * is not a literal address (a host name, garbage, an obfuscated identifier). Brackets around IPv6 and a zone
     * id ({@code %eth0}) are accepted.
     */
    public static Optional<byte[]> parseAddress(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        int zone = candidate.indexOf('%');
        if (zone >= 0) {
            candidate = candidate.substring(0, zone);
        }
        if (IPV4.matcher(candidate).matches()) {
            return Optional.of(literal(candidate).getAddress());
        }
        if (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches()) {
            try {
                // a text with ':' is parsed as an IPv6 literal, never resolved through DNS
                return Optional.of(InetAddress.getByName(candidate).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether {@code address} (a literal IP address) lies in this range; false for anything that is not an address. */
    public boolean contains(String address) {
        return parseAddress(address).map(this::contains).orElse(false);
    }

    /** Whether the address bytes (4 or 16) lie in this range; an IPv4 address never matches an IPv6 range. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(address.clone(), prefixLength), network);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange r && r.prefixLength == prefixLength && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }

    private static InetAddress literal(String ipv4) {
        try {
            InetAddress address = InetAddress.getByName(ipv4);
            if (!(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("'" + ipv4 + "' is not an IPv4 address");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + ipv4 + "' is not an IPv4 address", e);
        }
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        for (int i = 0; i < bytes.length; i++) {
            int bitsInThisByte = Math.max(0, Math.min(8, prefix - i * 8));
            int keep = bitsInThisByte == 0 ? 0 : (0xFF << (8 - bitsInThisByte)) & 0xFF;
            bytes[i] = (byte) (bytes[i] & keep);
        }
        return bytes;
    }
}
