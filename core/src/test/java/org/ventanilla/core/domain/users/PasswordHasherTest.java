package org.ventanilla.core.domain.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /**
     * Made by the Argon2 reference implementation (libargon2, {@code argon2id_hash_encoded} with t=2, m=1024,
     * p=1, salt "ventanilla-salt!", 32-byte hash) for the UTF-8 password below: BouncyCastle must agree.
     */
    private static final String REFERENCE_HASH =
            "$argon2id$v=19$m=1024,t=2,p=1$dmVudGFuaWxsYS1zYWx0IQ$dlf5Gl+NtF0V15StxTFd7XNACeG6jYBFrOES1dLBxmw";
    private static final String REFERENCE_PASSWORD = "Contraseña-de-prueba 2025";

    private static final PasswordHasher DEFAULT = PasswordHasher.createDefault();
    private static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Settings(1024, 2, 1), new SecureRandom());

    @Test
    void aHashShouldBeAnArgon2idPhcStringWithTheDefaultSettings() {
        String hash = DEFAULT.hash("Bogotá2025!".toCharArray());

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(DEFAULT.verify("Bogotá2025!".toCharArray(), hash)).isTrue();
        assertThat(DEFAULT.verify("Bogota2025!".toCharArray(), hash)).isFalse();
        assertThat(DEFAULT.needsRehash(hash)).isFalse();
    }

    @Test
    void theSamePasswordShouldHashDifferentlyEachTime() {
        assertThat(CHEAP.hash("clave".toCharArray())).isNotEqualTo(CHEAP.hash("clave".toCharArray()));
    }

    @Test
    void aHashFromTheReferenceImplementationShouldVerify() {
        assertThat(CHEAP.verify(REFERENCE_PASSWORD.toCharArray(), REFERENCE_HASH)).isTrue();
        assertThat(DEFAULT.verify(REFERENCE_PASSWORD.toCharArray(), REFERENCE_HASH)).as("settings travel in the hash").isTrue();
        assertThat(CHEAP.verify("Contrasena-de-prueba 2025".toCharArray(), REFERENCE_HASH)).isFalse();
    }

    @Test
    void aHashWithOldSettingsShouldAskForARehash() {
        assertThat(DEFAULT.needsRehash(REFERENCE_HASH)).isTrue();
        assertThat(CHEAP.needsRehash(REFERENCE_HASH)).isFalse();
        assertThat(DEFAULT.needsRehash(null)).isTrue();
        assertThat(DEFAULT.needsRehash("$2a$10$bcrypt")).isTrue();
    }

    @Test
    void anUnknownUserOrAMalformedHashShouldNotVerify() {
        assertThat(CHEAP.verify("clave".toCharArray(), null)).isFalse();
        assertThat(CHEAP.verify("clave".toCharArray(), "$argon2id$v=19$m=1024,t=2,p=1$c2hvcnQ$c2hvcnQ")).isFalse();
        assertThat(CHEAP.verify(REFERENCE_PASSWORD.toCharArray(), REFERENCE_HASH.replace("argon2id", "argon2i"))).isFalse();
        assertThat(CHEAP.verify(REFERENCE_PASSWORD.toCharArray(), REFERENCE_HASH.replace("t=2", "t=99"))).isFalse();
        assertThat(CHEAP.verify(new char[0], REFERENCE_HASH)).isFalse();
    }

    @Test
    void emptyOrHugePasswordsShouldBeRefused() {
        assertThatThrownBy(() -> CHEAP.hash(new char[0])).hasMessageContaining("password is required");
        assertThatThrownBy(() -> CHEAP.hash(new char[PasswordHasher.MAX_PASSWORD_LENGTH + 1]))
                .hasMessageContaining("1025 characters, at most 1024");
    }

    @Test
    void settingsShouldBeChecked() {
        assertThatThrownBy(() -> new PasswordHasher.Settings(4, 1, 1)).hasMessageContaining("memory (4 KiB)");
        assertThatThrownBy(() -> new PasswordHasher.Settings(1024, 0, 1)).hasMessageContaining("iterations (0)");
        assertThatThrownBy(() -> new PasswordHasher.Settings(1024, 1, 0)).hasMessageContaining("parallelism (0)");
    }
}
