package org.ventanilla.core.adapter.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;
import org.ventanilla.core.port.Attachments;

/**
 * Attachments on the file system. Each attachment is two files named by a random UUID, never by anything a
 * user sent: {@code <dir>/<first two characters of the id>/<id>.content} and its metadata beside it,
 * {@code <id>.properties}. Content is streamed to a temporary file in {@code <dir>/.tmp} while its size is
 * counted and its SHA-256 computed; the type is detected from the first bytes of the content (Apache Tika's
 * magic detection; the file name plays no part), then the optional virus scan runs, and only then is the
 * file moved into place, metadata last. Every failure deletes what was written.
 */
public final class FileSystemAttachments implements Attachments {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemAttachments.class);

    static final String CONTENT_SUFFIX = ".content";
    static final String METADATA_SUFFIX = ".properties";
    static final String TEMP_FOLDER = ".tmp";
    /** Tika's magic patterns look at most this far into the content. */
    private static final int DETECTION_BYTES = 64 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_FILE_NAME_LENGTH = 255;
    private static final String UNNAMED = "attachment";
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");

    private final AttachmentSettings settings;
    private final Path directory;
    private final Path tempDirectory;
    private final TempFileOpener opener;
    private final Tika tika = new Tika();

    /** Opens the temporary file that receives the content; a seam for tests that simulate a full disk. */
    @FunctionalInterface
    interface TempFileOpener {
        OutputStream open(Path tempFile) throws IOException;
    }

    private FileSystemAttachments(AttachmentSettings settings, TempFileOpener opener) {
        this.settings = settings;
        this.directory = settings.directory().toAbsolutePath().normalize();
        this.tempDirectory = directory.resolve(TEMP_FOLDER);
        this.opener = opener;
    }

    /**
     * Attachments kept under {@code settings.directory()}, created if missing.
     *
     * @throws VentanillaException UNAVAILABLE when the directory cannot be created
     */
    public static FileSystemAttachments create(AttachmentSettings settings) {
        return create(settings, tempFile -> Files.newOutputStream(tempFile, StandardOpenOption.WRITE));
    }

    static FileSystemAttachments create(AttachmentSettings settings, TempFileOpener opener) {
        Objects.requireNonNull(settings, "settings");
        FileSystemAttachments attachments = new FileSystemAttachments(settings, opener);
        try {
            Files.createDirectories(attachments.tempDirectory);
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE,
                    "attachment directory '" + attachments.directory + "' cannot be created (" + e.getClass().getSimpleName() + ")", e);
        }
        return attachments;
    }

    @Override
    public AttachmentInfo store(String fileName, InputStream content) {
        if (content == null) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "attachment content is missing");
        }
        String displayName = displayName(fileName);
        String id = UUID.randomUUID().toString();
        Path temp = createTempFile("upload-", ".part");
        Path contentFile = contentFile(id);
        boolean stored = false;
        try {
            Received received = receive(content, temp);
            String mediaType = detect(received.head);
            if (!settings.allowedMediaTypes().contains(mediaType)) {
                throw new VentanillaException(ErrorCode.REJECTED_CONTENT, "attachment type '" + mediaType
                        + "' is not allowed (allowed: " + String.join(", ", new TreeSet<>(settings.allowedMediaTypes())) + ")");
            }
            boolean scanned = scan(temp);
            Instant storedAt = settings.clock().instant();
            AttachmentInfo info = new AttachmentInfo(id, displayName, mediaType, received.size, received.sha256, storedAt);
            Files.createDirectories(contentFile.getParent());
            Files.move(temp, contentFile, StandardCopyOption.ATOMIC_MOVE);
            writeMetadata(info, scanned);
            stored = true;
            return info;
        } catch (IOException e) {
            throw diskFailure(e);
        } finally {
            if (!stored) {
                deleteQuietly(temp);
                deleteQuietly(contentFile);
            }
        }
    }

    @Override
    public Optional<AttachmentInfo> describe(String id) {
        if (!isWellFormedId(id)) {
            return Optional.empty();
        }
        return readMetadata(metadataFile(id));
    }

    @Override
    public Optional<InputStream> open(String id) {
        if (!isWellFormedId(id) || !Files.exists(metadataFile(id))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(contentFile(id)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw storageFailure("read", e);
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        Instant threshold = now.minus(settings.retention());
        int purged = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(directory, path -> SHARD.matcher(name(path)).matches())) {
            for (Path shard : shards) {
                purged += purgeShard(shard, threshold);
            }
            purgeStaleTempFiles(threshold);
        } catch (IOException e) {
            throw storageFailure("listed", e);
        }
        if (purged > 0) {
            LOG.info("purged {} attachments stored before {}", purged, threshold);
        }
        return purged;
    }

    private int purgeShard(Path shard, Instant threshold) throws IOException {
        int purged = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
            for (Path file : files) {
                String fileName = name(file);
                if (fileName.endsWith(METADATA_SUFFIX)) {
                    String id = fileName.substring(0, fileName.length() - METADATA_SUFFIX.length());
                    Optional<AttachmentInfo> info = isWellFormedId(id) ? readMetadata(file) : Optional.empty();
                    if (info.isPresent() && info.get().storedAt().isBefore(threshold)) {
                        // Metadata first: once it is gone the attachment is invisible, even if deleting the content fails.
                        Files.deleteIfExists(file);
                        Files.deleteIfExists(contentFile(id));
                        purged++;
                    }
                } else if (fileName.endsWith(CONTENT_SUFFIX)) {
                    // Content without metadata: left by a crash between the two moves of store().
                    String id = fileName.substring(0, fileName.length() - CONTENT_SUFFIX.length());
                    if (!Files.exists(metadataFile(id)) && modifiedBefore(file, threshold)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        return purged;
    }

    private void purgeStaleTempFiles(Instant threshold) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDirectory)) {
            for (Path file : files) {
                if (modifiedBefore(file, threshold)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Received receive(InputStream content, Path temp) throws IOException {
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        try (OutputStream out = opener.open(temp)) {
            while (true) {
                int read = readUpload(content, buffer);
                if (read < 0) {
                    break;
                }
                size += read;
                if (size > settings.maxBytes()) {
                    throw new VentanillaException(ErrorCode.LIMIT_EXCEEDED,
                            "attachment size exceeds the allowed maximum (" + settings.maxBytes() + " bytes)");
                }
                sha256.update(buffer, 0, read);
                if (head.size() < DETECTION_BYTES) {
                    head.write(buffer, 0, Math.min(read, DETECTION_BYTES - head.size()));
                }
                out.write(buffer, 0, read);
            }
        }
        if (size == 0) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "attachment is empty");
        }
        // An acknowledged attachment must survive a crash of the machine.
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()), head.toByteArray());
    }

    private static int readUpload(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT,
                    "attachment upload was interrupted (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private String detect(byte[] head) {
        String detected = tika.detect(head);
        int parameters = detected.indexOf(';');
        return (parameters < 0 ? detected : detected.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    /** True when scanned clean; false when kept unscanned by policy; throws when refused. */
    private boolean scan(Path temp) throws IOException {
        if (settings.virusScanner().isEmpty()) {
            return false;
        }
        VirusScanner.Verdict verdict;
        try (InputStream in = Files.newInputStream(temp)) {
            verdict = settings.virusScanner().get().scan(in);
        } catch (VentanillaException e) {
            if (e.code() == ErrorCode.UNAVAILABLE && settings.whenScannerDown() == AttachmentSettings.WhenScannerDown.STORE_UNSCANNED) {
                LOG.warn("attachment kept unscanned: {}", e.getMessage());
                return false;
            }
            throw e;
        }
        if (!verdict.isClean()) {
            String threat = verdict.threat().orElseThrow();
            LOG.warn("attachment refused: virus scanner found {}", threat);
            throw new VentanillaException(ErrorCode.REJECTED_CONTENT, "attachment contains a virus (" + threat + ")");
        }
        return true;
    }

    private void writeMetadata(AttachmentInfo info, boolean scanned) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("id", info.id());
        properties.setProperty("fileName", info.fileName());
        properties.setProperty("mediaType", info.mediaType());
        properties.setProperty("size", Long.toString(info.size()));
        properties.setProperty("sha256", info.sha256());
        properties.setProperty("storedAt", info.storedAt().toString());
        properties.setProperty("virusScanned", Boolean.toString(scanned));
        Path temp = createTempFile("metadata-", ".part");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, metadataFile(info.id()), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(temp);
        }
    }

    private Optional<AttachmentInfo> readMetadata(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw storageFailure("read", e);
        }
        String id = properties.getProperty("id");
        String fileName = properties.getProperty("fileName");
        String mediaType = properties.getProperty("mediaType");
        String size = properties.getProperty("size");
        String sha256 = properties.getProperty("sha256");
        String storedAt = properties.getProperty("storedAt");
        try {
            if (id == null || fileName == null || mediaType == null || size == null || sha256 == null || storedAt == null) {
                throw new IllegalArgumentException("a field is missing");
            }
            return Optional.of(new AttachmentInfo(id, fileName, mediaType, Long.parseLong(size), sha256, Instant.parse(storedAt)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warn("attachment metadata {} is damaged and ignored ({})", name(file), e.getMessage());
            return Optional.empty();
        }
    }

    private Path createTempFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(tempDirectory, prefix, suffix);
        } catch (IOException e) {
            throw diskFailure(e);
        }
    }

    private Path contentFile(String id) {
        return directory.resolve(id.substring(0, 2)).resolve(id + CONTENT_SUFFIX);
    }

    private Path metadataFile(String id) {
        return directory.resolve(id.substring(0, 2)).resolve(id + METADATA_SUFFIX);
    }

    /** Only ids this adapter could have made: the canonical text of a UUID. */
    static boolean isWellFormedId(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name to show: its last path segment, without control characters, at most 255 characters. */
    static String displayName(String fileName) {
        if (fileName == null) {
            return UNNAMED;
        }
        String lastSegment = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        lastSegment.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_FILE_NAME_LENGTH)
                .forEach(clean::appendCodePoint);
        String trimmed = clean.toString().strip();
        return trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("..") ? UNNAMED : trimmed;
    }

    private static VentanillaException diskFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("Disk quota exceeded")) {
            return new VentanillaException(ErrorCode.UNAVAILABLE, "attachment storage is full (no space left on device)", e);
        }
        return storageFailure("written", e);
    }

    private static VentanillaException storageFailure(String verb, IOException e) {
        return new VentanillaException(ErrorCode.UNAVAILABLE,
                "attachment storage cannot be " + verb + " (" + e.getClass().getSimpleName() + ")", e);
    }

    private static boolean modifiedBefore(Path file, Instant threshold) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(threshold);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {} after a failed attachment: {}", name(file), e.getClass().getSimpleName());
        }
    }

    private static String name(Path path) {
        Path fileName = path.getFileName();
        return fileName == null ? "" : fileName.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new VentanillaException(ErrorCode.INTERNAL, "SHA-256 is not available in this JVM", e);
        }
    }

    private record Received(long size, String sha256, byte[] head) {
    }
}
