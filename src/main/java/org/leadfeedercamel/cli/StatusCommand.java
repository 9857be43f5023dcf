package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.state.StreamStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: how far each account and stream is synced, and the last runs. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "State per account and stream, and the last runs.")
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigFileOption config;

    @Option(names = "--runs", defaultValue = "10", description = "How many recent runs to list (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncRuntime runtime = new SyncRuntime(config.file)) {
            Dialect dialect = Dialect.of(runtime.settings().dbUrl());
            Warehouse.migrate(runtime.dataSource(), dialect, runtime.settings().tablePrefix());
            SqlStatements sql = new SqlStatements(dialect, runtime.settings().tablePrefix());
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(runtime.dataSource());
            out.printf("Warehouse %s%n%nState per account and stream (lag: now minus the end of the newest synced day,"
                    + " in the account's timezone)%n", Dialect.withoutPassword(runtime.settings().dbUrl()));
            List<StreamStatus.Entry> entries = new StreamStatus(runtime.dataSource(), sql).read(runtime.settings().startDate());
            if (entries.isEmpty()) {
                out.println("  nothing synced yet");
            }
            for (StreamStatus.Entry entry : entries) {
                Duration lag = entry.lag(runtime.clock(), runtime.settings().startDate());
                out.printf("  account %-10s %-7s synced through %-12s lag %-9s (%d completed windows)%n", entry.accountId(),
                        entry.stream(), entry.syncedThrough() == null ? "(not yet)" : entry.syncedThrough(), humane(lag),
                        entry.windows());
            }
            out.printf("%nLast runs%n");
            for (Map<String, Object> run : jdbc.queryForList(sql.get("select-recent-runs"), Map.of("limit", runs, "table_prefix", sql.prefix()))) {
                out.printf("  %s  %-9s %-10s %s on %s  %s API, requests %s%s, visits %s, leads %s, rejected %s%s%n",
                        run.get("started_at"), run.get("mode"), run.get("status"), run.get("run_id"), run.get("node"),
                        run.get("api") == null ? "no" : run.get("api"), run.get("requests"),
                        run.get("api_quota_used") == null ? "" : " (" + run.get("api_quota_used") + " this month)",
                        run.get("rows_visits"), run.get("rows_leads"), run.get("rejected"),
                        run.get("error") == null ? "" : "  error: " + run.get("error"));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    private static String humane(Duration lag) {
        if (lag.toDays() > 0) {
            return lag.toDays() + "d " + lag.toHoursPart() + "h";
        }
        return lag.toHours() + "h " + lag.toMinutesPart() + "m";
    }
}
