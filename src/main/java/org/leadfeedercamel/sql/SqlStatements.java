package org.leadfeedercamel.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The dialect's SQL files: {@code sql/<dialect>/<name>.sql}, or {@code sql/common/<name>.sql} for
 * statements every dialect writes the same way. Read once, comment lines dropped, and the table names
 * (checked identifiers, never values) put in: the data tables' prefix for {@code ${prefix}}, the state
 * tables' for {@code ${state}} and the run lock's name for {@code ${lock}}; values are always parameters.
 */
public final class SqlStatements {

    private final Dialect dialect;
    private final Tables tables;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SqlStatements(Dialect dialect, Tables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** The default instance's statements: data tables under {@code prefix}, the shared state. */
    public SqlStatements(Dialect dialect, String prefix) {
        this(dialect, Tables.shared(prefix));
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The data tables' prefix the statements are written for. */
    public String prefix() {
        return tables.dataPrefix();
    }

    public Tables tables() {
        return tables;
    }

    /** The statement in {@code sql/<dialect>/<name>.sql}. */
    public String get(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private String load(String name) {
        ClassLoader loader = SqlStatements.class.getClassLoader();
        String path = "sql/" + dialect.folder() + "/" + name + ".sql";
        if (loader.getResource(path) == null) {
            path = "sql/common/" + name + ".sql";
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL file sql/" + dialect.folder() + "/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.trim().startsWith("--"))
                    .collect(Collectors.joining("\n")).trim()
                    .replace("${prefix}", tables.dataPrefix())
                    .replace("${state}", tables.statePrefix())
                    .replace("${lock}", tables.lockName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
