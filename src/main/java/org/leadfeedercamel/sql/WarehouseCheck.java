package org.leadfeedercamel.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.leadfeedercamel.config.ConfigurationException;

/**
 * What {@code check} finds in the warehouse, read without creating or changing anything: that its
 * sessions store timestamps as instants, that the schema exists or may be created, where its migrations
 * stand, and that the role may write every table a sync writes (probed with statements that match no
 * row, in a transaction that is rolled back).
 */
public final class WarehouseCheck {

    /** The sync's state tables, under the instance's state prefix. */
    private static final List<String> STATE_TABLES = List.of("sync_runs", "completed_windows", "rejected_records", "sync_lock");

    /** What was found: fine (with what the next sync will do), or a failure to fix before it. */
    public record Finding(boolean failed, String text) {
    }

    private WarehouseCheck() {
    }

    /** The findings of a reachable warehouse whose data tables are the data prefix of {@code names} + each of {@code dataTables}. */
    public static List<Finding> check(DataSource dataSource, Dialect dialect, Tables names, List<String> dataTables) {
        String tablePrefix = names.dataPrefix();
        List<Finding> findings = new ArrayList<>();
        try {
            UtcTimestamps.require(dataSource, dialect);
        } catch (ConfigurationException e) {
            findings.add(new Finding(true, e.getMessage()));
        }
        SqlStatements sql = new SqlStatements(dialect, names);
        String schema;
        boolean canCreate;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql.get("check-schema"))) {
            result.next();
            schema = result.getString(1);
            canCreate = result.getBoolean(3);
            if (!result.getBoolean(2)) {
                findings.add(canCreate ? new Finding(false, "schema " + schema + " does not exist yet: the first sync creates it")
                        : new Finding(true, "schema " + schema + " does not exist, and the role may not create it"));
                return findings;
            }
        } catch (SQLException e) {
            findings.add(new Finding(true, "cannot read the warehouse: " + firstLine(e)));
            return findings;
        }
        SchemaState state = Warehouse.state(dataSource, dialect, names);
        findings.add(new Finding(state.newer(), state.describe(tablePrefix)));
        if (!state.migrated() && !state.newer() && !canCreate) {
            findings.add(new Finding(true, "the role may not create tables in " + schema + ", which the next sync needs"));
        }
        List<String> tables = new ArrayList<>();
        if (!state.empty()) {
            STATE_TABLES.forEach(table -> tables.add(names.state(table)));
        }
        if (state.dataTablesExist()) {
            dataTables.forEach(table -> tables.add(tablePrefix + table));
        }
        for (String table : tables) {
            String refused = writeRefused(dataSource, sql.get("check-writable"), table);
            if (refused != null) {
                findings.add(new Finding(true, "the role cannot write to " + table + " (" + refused + ")"));
                break; // one line: a role that cannot write one table rarely writes the others
            }
        }
        return findings;
    }

    /** Why writing {@code table} is refused, or null when every statement of a sync's kind is allowed. */
    private static String writeRefused(DataSource dataSource, String probes, String table) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                String[] statements = probes.replace("${table}", table).split(";");
                String column;
                try (ResultSet columns = statement.executeQuery(statements[0].trim())) {
                    column = columns.getMetaData().getColumnName(1);
                }
                for (int i = 1; i < statements.length; i++) {
                    statement.executeUpdate(statements[i].trim().replace("${column}", column));
                }
                return null;
            } catch (SQLException e) {
                return firstLine(e);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            return firstLine(e);
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
