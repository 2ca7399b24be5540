package org.ventanilla.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ventanilla.ops.config.ConfigLoader;
import org.ventanilla.ops.config.Settings;

/** Settings for in-process servers: loaded like production from environment-style overrides, then port 0 (any free port). */
final class TestSettings {

    private TestSettings() {
    }

    /** Memory records, loopback only, any free port, plus the given VENTANILLA_* overrides (name, value pairs). */
    static Settings onFreePort(String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("VENTANILLA_NODE_ID", "prueba-1");
        env.put("VENTANILLA_DATABASE_KIND", "memory");
        env.put("VENTANILLA_HTTP_HOST", "127.0.0.1");
        try {
            env.put("VENTANILLA_ATTACHMENTS_DIRECTORY", Files.createTempDirectory("ventanilla-attachments").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        Settings settings = ConfigLoader.load(Optional.empty(), env);
        return settings.withHttp(settings.http().withPort(0));
    }
}
