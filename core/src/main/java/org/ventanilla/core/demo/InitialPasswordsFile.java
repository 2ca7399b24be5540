package org.ventanilla.core.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Writes the initial passwords of the demo users for the operator, in a file only its owner can read and
 * write ({@code rw-------}). The file is created with those permissions from the start (never readable by
 * others, not even for a moment) and then moved into place, replacing an older one.
 */
public final class InitialPasswordsFile {

    /** Permissions of the file: owner read and write, nothing else. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final String HEADER = """
            # Ventanilla: initial passwords of the demo users (username, tab, password).
            # Sign in, change every password, then delete this file.
            """;

    private InitialPasswordsFile() {
    }

    /**
     * Writes {@code passwords} (username to password) to {@code file}. Fails with
     * {@link ErrorCode#UNAVAILABLE} when the file system cannot restrict permissions or the file cannot be
     * written; the message names the file, never a password.
     */
    public static void write(Path file, Map<String, String> passwords) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(passwords, "passwords");
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path temporary = null;
        try {
            if (!Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                throw new VentanillaException(ErrorCode.UNAVAILABLE,
                        "cannot protect '" + target + "': its file system has no POSIX permissions");
            }
            temporary = Files.createTempFile(directory, ".initial-passwords-", ".tmp", ownerOnly);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write(HEADER);
                for (Map.Entry<String, String> entry : passwords.entrySet()) {
                    writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
                }
            }
            // The umask may have narrowed the permissions at creation; set them exactly.
            Files.setPosixFilePermissions(temporary, OWNER_ONLY);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "cannot write the initial passwords to '" + target + "'", e);
        } catch (UnsupportedOperationException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE,
                    "cannot protect '" + target + "': its file system has no POSIX permissions", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more to do: the write already failed and that failure is reported.
        }
    }
}
