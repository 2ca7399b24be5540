package org.ventanilla.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from the Maven metadata packed into the server jar. */
public final class Version {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.ventanilla/ventanilla-ops/pom.properties";
    private static final String UNPACKAGED = "development build";

    private Version() {
    }

    /** {@code 0.1.0-SNAPSHOT}, or {@code development build} when running from classes rather than the jar. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return UNPACKAGED;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNPACKAGED);
        } catch (IOException e) {
            return UNPACKAGED;
        }
    }
}
