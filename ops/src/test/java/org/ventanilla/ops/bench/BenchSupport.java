package org.ventanilla.ops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ventanilla.core.testing.TestServices;

/** Helpers shared by the benchmarks: the pgbench baseline, schema clean-up, CPU time, medians. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * pgbench on the test database: {@code clients} clients (and as many pgbench threads) for {@code seconds},
     * one INSERT of {@code body} per transaction into a plain table made for it and dropped afterwards.
     *
     * @return transactions per second, or 0 when pgbench could not run (the reason is printed)
     */
    static double pgbenchInsertRate(int clients, int seconds, String body) throws Exception {
        String table = "bench_pgbench_insert";
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(), TestServices.postgresUser(), "");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, body VARCHAR NOT NULL,"
                    + " created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        Path script = Files.createTempFile("ventanilla-pgbench", ".sql");
        try {
            Files.writeString(script, "INSERT INTO " + table + " (body) VALUES ('" + body.replace("'", "''") + "');\n");
            List<String> command = List.of("pgbench", "-n", "-h", "127.0.0.1", "-U", TestServices.postgresUser(),
                    "-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T", String.valueOf(seconds),
                    "-f", script.toString(), "test");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            }
            int exit = process.waitFor();
            Pattern tps = Pattern.compile("tps = ([0-9.]+)");
            for (String line : output) {
                Matcher m = tps.matcher(line);
                if (m.find()) {
                    System.out.printf(Locale.ROOT, "pgbench (%d clients, %d s, one INSERT per transaction): %s%n", clients,
                            seconds, line.trim());
                    return Double.parseDouble(m.group(1));
                }
            }
            System.out.println("pgbench gave no tps (exit " + exit + "): " + String.join(" | ", output));
            return 0;
        } catch (IOException e) {
            System.out.println("pgbench could not run (" + e.getMessage() + "); install postgresql-contrib");
            return 0;
        } finally {
            Files.deleteIfExists(script);
            try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(), TestServices.postgresUser(), "");
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** Drops the schema a {@link TestServices#postgresUrlWithFreshSchema()} URL points at. */
    static void dropSchema(String url) {
        Matcher m = Pattern.compile("currentSchema=([a-z0-9_]+)").matcher(url);
        if (!m.find()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(), TestServices.postgresUser(), "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + m.group(1) + " CASCADE");
        } catch (SQLException e) {
            System.out.println("could not drop schema " + m.group(1) + ": " + e.getMessage());
        }
    }

    /** The first column of the first row of a query, as a long (for counts). */
    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** CPU time of this whole process (all threads), in seconds; 0 when the JVM does not tell. */
    static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    /** The system load average of the last minute (negative when unknown). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long[] rounded(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
