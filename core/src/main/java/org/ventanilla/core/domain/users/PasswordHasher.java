package org.ventanilla.core.domain.users;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Hashes and checks staff passwords with Argon2id (BouncyCastle), encoded in the PHC string format:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded Base64, 16-byte random salt, 32-byte
 * hash). The parameters travel in the string, so hashes made with older settings still verify and
 * {@link #needsRehash} says when to upgrade them at the next sign-in. Safe to share between threads.
 */
public final class PasswordHasher {

    /** Every encoded hash starts with this. */
    public static final String PREFIX = "$argon2id$";

    /** Longest password accepted (characters). */
    public static final int MAX_PASSWORD_LENGTH = 1024;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{16,88})\\$([A-Za-z0-9+/]{16,88})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Settings settings;
    private final SecureRandom random;
    private final String dummyHash;

    /** A hasher with the given cost settings and salt source. */
    public PasswordHasher(Settings settings, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.dummyHash = hash("not-a-password-of-anyone".toCharArray());
    }

    /** A hasher with {@link Settings#DEFAULT} and a new {@link SecureRandom}. */
    public static PasswordHasher createDefault() {
        return new PasswordHasher(Settings.DEFAULT, new SecureRandom());
    }

    /** The cost settings new hashes are made with. */
    public Settings settings() {
        return settings;
    }

    /** Hashes a password with a fresh random salt. The caller should clear the array afterwards. */
    public String hash(char[] password) {
        checkPassword(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, settings, HASH_BYTES);
        return PREFIX + "v=19$m=" + settings.memoryKiB() + ",t=" + settings.iterations() + ",p=" + settings.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the password matches the encoded hash, compared in constant time. A null hash (unknown user,
     * or no password set) spends the same time and gives false, so that timing does not tell which usernames
     * exist. A malformed hash gives false.
     */
    public boolean verify(char[] password, String encoded) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD_LENGTH) {
            return false;
        }
        boolean known = encoded != null;
        Parsed parsed = parse(known ? encoded : dummyHash);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.settings(), parsed.hash().length);
        boolean equal = MessageDigest.isEqual(actual, parsed.hash());
        Arrays.fill(actual, (byte) 0);
        return known && equal;
    }

    /** Whether the encoded hash was made with other settings than this hasher's (or cannot be read). */
    public boolean needsRehash(String encoded) {
        Parsed parsed = encoded == null ? null : parse(encoded);
        return parsed == null || !parsed.settings().equals(settings) || parsed.hash().length != HASH_BYTES;
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "a password is required");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "password is too long (" + password.length + " characters, at most " + MAX_PASSWORD_LENGTH + ")");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, Settings settings, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKiB())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static Parsed parse(String encoded) {
        Matcher matcher = ENCODED.matcher(encoded);
        if (!matcher.matches()) {
            return null;
        }
        try {
            Settings settings = new Settings(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
            byte[] salt = B64_DECODER.decode(matcher.group(4));
            byte[] hash = B64_DECODER.decode(matcher.group(5));
            if (salt.length < 8 || hash.length < 16) {
                return null;
            }
            return new Parsed(settings, salt, hash);
        } catch (IllegalArgumentException e) {
            // Out-of-range settings or bad Base64: not a hash this hasher can check.
            return null;
        }
    }

    private record Parsed(Settings settings, byte[] salt, byte[] hash) {
    }

    /**
     * Argon2id cost settings.
     *
     * @param memoryKiB   memory in KiB (at least 8 per lane, at most 4 GiB)
     * @param iterations  passes over the memory (1 to 20)
     * @param parallelism lanes (1 to 16)
     */
    public record Settings(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane (about a tenth of a second on one core). */
        public static final Settings DEFAULT = new Settings(19_456, 2, 1);

        public Settings {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2 parallelism (" + parallelism + ") must be 1 to 16");
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
                throw new IllegalArgumentException("Argon2 memory (" + memoryKiB + " KiB) must be " + 8 * parallelism
                        + " to 4194304 KiB");
            }
            if (iterations < 1 || iterations > 20) {
                throw new IllegalArgumentException("Argon2 iterations (" + iterations + ") must be 1 to 20");
            }
        }
    }
}
