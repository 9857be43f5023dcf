package org.leadfeedercamel.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The dialect's SQL files: {@code sql/<dialect>/<name>.sql}, or {@code sql/common/<name>.sql} for
 * statements every dialect writes the same way. Read once, comment lines dropped, and the table prefix
 * (a checked identifier, never a value) put in for {@code ${prefix}}; values are always parameters.
 */
public final class SqlStatements {

    /** Statements the routes run through camel-sql; each is bound as a String bean for {@code sql:ref:}. */
    public static final List<String> ROUTE_STATEMENTS = List.of("upsert-accounts", "upsert-visits",
            "delete-stale-visit-routs", "upsert-visit-routs", "upsert-leads", "upsert-locations", "insert-rejected-records");

    private final Dialect dialect;
    private final String prefix;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SqlStatements(Dialect dialect, String prefix) {
        this.dialect = dialect;
        this.prefix = prefix;
    }

    /** The registry name under which a route statement is bound, e.g. leadfeederSqlUpsertVisits. */
    public static String beanName(String statement) {
        StringBuilder name = new StringBuilder("leadfeederSql");
        for (String word : statement.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The table prefix the statements are written for. */
    public String prefix() {
        return prefix;
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
                    .replace("${prefix}", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
