package org.leadfeedercamel.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a Flyway history is at the newest of its location's migrations, read with one query and a
 * look at the shipped file names, without starting Flyway: at every start of an up-to-date warehouse
 * (an hourly {@code once}) that saves Flyway's start and its classpath scan, a good part of the start-up.
 * Anything else (no history, a failed or a newer migration) is Flyway's to migrate or to refuse.
 */
final class SchemaHistory {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[^/]*\\.sql");

    private SchemaHistory() {
    }

    /**
     * Whether the history {@code statement} reads ({@code "version", "success"} rows) has every migration
     * of {@code location} applied and nothing failed or newer.
     */
    static boolean upToDate(DataSource dataSource, String statement, String location) {
        int newest = newest(SchemaHistory.class.getClassLoader(), location).orElse(0);
        try {
            Integer applied = new JdbcTemplate(dataSource).query(statement, rows -> {
                int highest = -1;
                while (rows.next()) {
                    if (!rows.getBoolean("success")) {
                        return null;
                    }
                    String version = rows.getString("version");
                    if (version != null) {
                        highest = Math.max(highest, Integer.parseInt(version));
                    }
                }
                return highest;
            });
            return applied != null && applied == newest;
        } catch (DataAccessException | NumberFormatException notAsExpected) {
            return false; // no history yet, or one this check does not read: Flyway's
        }
    }

    /** The newest version among {@code location}'s {@code V<n>__*.sql} files on {@code classpath} (a folder or a jar). */
    static OptionalInt newest(ClassLoader classpath, String location) {
        URL folder = classpath.getResource(location);
        if (folder == null) {
            return OptionalInt.empty();
        }
        try {
            if ("jar".equals(folder.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(true); // the classpath's own jar, open already
                JarFile jar = connection.getJarFile();
                OptionalInt newest = OptionalInt.empty();
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(location + "/")) {
                        newest = max(newest, name.substring(location.length() + 1));
                    }
                }
                return newest;
            }
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                return files.map(file -> file.getFileName().toString()).reduce(OptionalInt.empty(), SchemaHistory::max, (a, b) -> a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations in " + location, e);
        }
    }

    private static OptionalInt max(OptionalInt newest, String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
            return newest;
        }
        int version = Integer.parseInt(matcher.group(1));
        return newest.isPresent() && newest.getAsInt() >= version ? newest : OptionalInt.of(version);
    }
}
