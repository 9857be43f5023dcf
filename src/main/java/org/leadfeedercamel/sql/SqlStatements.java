package org.leadfeedercamel.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The dialect's SQL files under {@code sql/<dialect>/}, read once, comment lines dropped. */
public final class SqlStatements {

    private final Dialect dialect;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SqlStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The statement in {@code sql/<dialect>/<name>.sql}. */
    public String get(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private String load(String name) {
        String path = "sql/" + dialect.folder() + "/" + name + ".sql";
        try (InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.trim().startsWith("--"))
                    .collect(Collectors.joining("\n")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
