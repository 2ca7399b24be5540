package org.ventanilla.ops.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ventanilla.ops.config.Settings.ForwardedHeader;

/**
 * Computes the real client address of a request that may have come through load balancers and reverse proxies.
 *
 * <p>Forwarding headers are believed only when the direct peer is a trusted proxy; then the client is the right-most
 * address of the chain that is not itself a trusted proxy (each proxy appends the address it received the request
 * from, so everything left of the first untrusted hop may be forged by the client). If the walk meets something that
 * is not an IP address ({@code unknown}, an obfuscated identifier, garbage) it stops and keeps the last trusted hop.
 * Only the header the proxies are configured to set is read ({@code X-Forwarded-For} with
 * {@code X-Forwarded-Proto}, or RFC 7239 {@code Forwarded}); the other one is ignored, so a client cannot forge it.
 */
public final class TrustedProxies {

    private final List<IpRange> trusted;
    private final ForwardedHeader header;

    public TrustedProxies(List<IpRange> trusted, ForwardedHeader header) {
        this.trusted = List.copyOf(trusted);
        this.header = header;
    }

    /** Whether the literal IP address {@code address} belongs to a trusted proxy. */
    public boolean isTrusted(String address) {
        Optional<byte[]> bytes = IpRange.parseAddress(address);
        return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /**
     * The client of one request.
     *
     * @param peer the direct TCP peer's IP address
     * @param scheme the scheme of the connection to us ({@code http} or {@code https})
     * @param headers every value of a request header by name (case-insensitive), empty when absent
     */
    public ClientAddress resolve(String peer, String scheme, Function<String, List<String>> headers) {
        String canonicalPeer = canonical(peer).orElse(peer);
        if (trusted.isEmpty() || !isTrusted(canonicalPeer)) {
            return new ClientAddress(canonicalPeer, scheme, canonicalPeer);
        }
        List<Hop> hops = switch (header) {
            case X_FORWARDED_FOR -> xForwardedFor(headers);
            case FORWARDED -> forwarded(headers);
            default -> throw new IllegalStateException("unhandled forwarded header " + header);
        };
        String client = canonicalPeer;
        String clientScheme = scheme;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> address = canonical(hostOf(hops.get(i).node()));
            if (address.isEmpty()) {
                break;
            }
            client = address.get();
            clientScheme = hops.get(i).proto().orElse(scheme);
            if (!isTrusted(client)) {
                break;
            }
        }
        return new ClientAddress(client, clientScheme, canonicalPeer);
    }

    /** One hop of the forwarding chain: who the proxy received the request from, and over which scheme. */
    private record Hop(String node, Optional<String> proto) {
    }

    private static List<Hop> xForwardedFor(Function<String, List<String>> headers) {
        List<String> nodes = splitList(headers.apply("X-Forwarded-For"));
        List<String> protos = splitList(headers.apply("X-Forwarded-Proto")).stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        List<Hop> hops = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            // a proxy that appends to both headers keeps them aligned; otherwise the first (edge-most) scheme applies to all
            String proto = protos.size() == nodes.size() ? protos.get(i) : protos.isEmpty() ? null : protos.get(0);
            hops.add(new Hop(nodes.get(i), validScheme(proto)));
        }
        return hops;
    }

    private static List<Hop> forwarded(Function<String, List<String>> headers) {
        List<Hop> hops = new ArrayList<>();
        for (String value : headers.apply("Forwarded")) {
            for (String element : splitOutsideQuotes(value, ',')) {
                Map<String, String> pairs = new LinkedHashMap<>();
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        pairs.putIfAbsent(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(pair.substring(eq + 1).trim()));
                    }
                }
                String proto = pairs.get("proto");
                hops.add(new Hop(pairs.getOrDefault("for", ""), validScheme(proto == null ? null : proto.toLowerCase(Locale.ROOT))));
            }
        }
        return hops;
    }

    private static Optional<String> validScheme(String proto) {
        return "http".equals(proto) || "https".equals(proto) ? Optional.of(proto) : Optional.empty();
    }

    private static List<String> splitList(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    /** The address part of a node: {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} lose their port. */
    static String hostOf(String node) {
        String trimmed = node.trim();
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            return close > 0 ? trimmed.substring(1, close) : trimmed;
        }
        int colon = trimmed.indexOf(':');
        if (colon > 0 && trimmed.indexOf(':', colon + 1) < 0) {
            return trimmed.substring(0, colon);
        }
        return trimmed;
    }

    /**
     * The canonical text of a literal IP address (as Java prints it; IPv4-mapped IPv6 as IPv4), or empty when the
     * text is not one. Never does a DNS lookup.
     */
    public static Optional<String> canonical(String address) {
        return IpRange.parseAddress(address).map(bytes -> {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 or 16 bytes are always an address", e);
            }
        });
    }
}
