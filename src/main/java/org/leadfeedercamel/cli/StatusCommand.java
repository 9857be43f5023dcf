package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.state.CompletedWindows;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
            CompletedWindows state = new CompletedWindows(runtime.dataSource(),
                    new TransactionTemplate(new DataSourceTransactionManager(runtime.dataSource())), sql);
            out.printf("Warehouse %s%n%nState (completed windows per account and stream)%n", Dialect.withoutPassword(runtime.settings().dbUrl()));
            List<Map<String, Object>> windows = jdbc.queryForList(sql.get("select-state"), Map.of());
            if (windows.isEmpty()) {
                out.println("  nothing synced yet");
            }
            windows.stream().map(w -> String.valueOf(w.get("processor_name"))).distinct().forEach(processor -> {
                String[] parts = processor.split(":");
                var through = state.syncedThrough(parts[1], parts[2], runtime.settings().startDate());
                long count = windows.stream().filter(w -> processor.equals(w.get("processor_name"))).count();
                out.printf("  account %-10s %-7s synced through %s (%d completed windows)%n", parts[1], parts[2],
                        through == null ? "(not from " + runtime.settings().startDate() + " yet)" : through, count);
            });
            out.printf("%nLast runs%n");
            for (Map<String, Object> run : jdbc.queryForList(sql.get("select-recent-runs"), Map.of("limit", runs))) {
                out.printf("  %s  %-9s %-10s %s  requests %s, visits %s, leads %s, rejected %s%s%n", run.get("started_at"),
                        run.get("mode"), run.get("status"), run.get("run_id"), run.get("requests"), run.get("rows_visits"),
                        run.get("rows_leads"), run.get("rejected"), run.get("error") == null ? "" : "  error: " + run.get("error"));
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
