package org.leadfeedercamel.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SchemaState;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.Tables;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.state.StreamStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status}: how far each account and stream is synced, the records that could not be mapped, and
 * the last runs. It only reads: the warehouse is neither created nor migrated, and it works beside a
 * running sync (an H2 file is shared with the process that holds it).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "State per account and stream, records that could not be mapped, and the last runs; changes nothing.")
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigFileOption config;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Option(names = "--runs", defaultValue = "10", description = "How many recent runs to list (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncRuntime runtime = new SyncRuntime(config.file)) {
            List<Instance> instances = runtime.instances();
            boolean named = instances.size() > 1 || !instances.get(0).isDefault();
            int exit = CommandLine.ExitCode.OK;
            for (int i = 0; i < instances.size(); i++) {
                if (named) {
                    out.printf("%sInstance %s%n", i == 0 ? "" : "\n", instances.get(i).id());
                }
                exit = Math.max(exit, status(out, runtime, instances.get(i)));
            }
            out.flush();
            return exit;
        }
    }

    private int status(PrintWriter out, SyncRuntime runtime, Instance instance) {
        SyncSettings settings = instance.settings();
        out.printf("Warehouse %s, table prefix %s%n", JdbcUrls.withoutPassword(settings.warehouse().url()), settings.warehouse().tablePrefix());
        HikariDataSource dataSource = runtime.existingDataSource(instance);
        if (dataSource == null) {
            out.println("  nothing synced yet: no database there");
            return CommandLine.ExitCode.OK;
        }
        Dialect dialect = Dialect.of(dataSource);
        Tables tables = Tables.of(instance);
        SchemaState schema = Warehouse.state(dataSource, dialect, tables);
        if (schema.newer() || !schema.migrated()) {
            out.println("  " + (schema.empty() ? "nothing synced yet: " : "") + schema.describe(settings.warehouse().tablePrefix()));
            return schema.newer() ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
        }
        SqlStatements sql = new SqlStatements(dialect, tables);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        state(out, runtime, settings, dataSource, sql);
        rejected(out, jdbc, sql);
        lastRuns(out, jdbc, sql);
        return CommandLine.ExitCode.OK;
    }

    private static void state(PrintWriter out, SyncRuntime runtime, SyncSettings settings, HikariDataSource dataSource, SqlStatements sql) {
        out.printf("%nState per account and stream (lag: now minus the end of the newest synced day in the account's"
                + " timezone, or minus when today was last read)%n");
        List<StreamStatus.Entry> entries = new StreamStatus(dataSource, sql).read(settings.api().startDate());
        if (entries.isEmpty()) {
            out.println("  nothing synced yet");
        }
        for (StreamStatus.Entry entry : entries) {
            Duration lag = entry.lag(runtime.clock(), settings.api().startDate());
            out.printf("  account %-10s %-7s synced through %-12s lag %-9s (%d completed windows)%n", entry.accountId(),
                    entry.stream(), entry.syncedThrough() == null ? "(not yet)" : entry.syncedThrough(), humane(lag),
                    entry.windows());
        }
    }

    /** The records kept in the rejected records table, and how to read their windows again after a fix. */
    private static void rejected(PrintWriter out, NamedParameterJdbcTemplate jdbc, SqlStatements sql) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql.get("select-rejected-by-stream"), Map.of("table_prefix", sql.prefix()));
        if (rows.isEmpty()) {
            return;
        }
        out.printf("%nRecords that could not be mapped (" + sql.tables().state("rejected_records") + ", with their raw JSON and reason)%n");
        for (Map<String, Object> row : rows) {
            String stream = String.valueOf(row.get("stream"));
            Object from = row.get("first_day");
            Object to = row.get("last_day");
            // locations come with the pages of both; accounts are read again by every run
            String streams = switch (stream) {
                case "visits", "leads" -> stream;
                case "locations" -> "visits,leads";
                default -> null;
            };
            out.printf("  account %-10s %-9s %,d record(s)%s%n", row.get("account_id"), stream, ((Number) row.get("records")).longValue(),
                    streams == null || from == null ? "" : ", read in " + from + ".." + to + "; after a fix: backfill --from " + from
                            + " --to " + to + " --streams " + streams);
        }
    }

    private void lastRuns(PrintWriter out, NamedParameterJdbcTemplate jdbc, SqlStatements sql) {
        out.printf("%nLast runs%n");
        for (Map<String, Object> run : jdbc.queryForList(sql.get("select-recent-runs"), Map.of("limit", runs, "table_prefix", sql.prefix()))) {
            out.printf("  %s  %-9s %-10s %s on %s  %s API, requests %s%s, visits %s, leads %s, rejected %s%s%n",
                    run.get("started_at"), run.get("mode"), run.get("status"), run.get("run_id"), run.get("node"),
                    run.get("api") == null ? "no" : run.get("api"), run.get("requests"),
                    run.get("api_quota_used") == null ? "" : " (" + run.get("api_quota_used") + " this month)",
                    run.get("rows_visits"), run.get("rows_leads"), run.get("rejected"),
                    run.get("error") == null ? "" : "  error: " + run.get("error"));
        }
    }

    private static String humane(Duration lag) {
        if (lag.toDays() > 0) {
            return lag.toDays() + "d " + lag.toHoursPart() + "h";
        }
        return lag.toHours() + "h " + lag.toMinutesPart() + "m";
    }
}
