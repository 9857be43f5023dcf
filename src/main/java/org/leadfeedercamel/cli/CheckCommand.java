package org.leadfeedercamel.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiRequest;
import org.leadfeedercamel.api.LeadfeederApi;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.Tables;
import org.leadfeedercamel.sql.WarehouseCheck;
import org.leadfeedercamel.run.SyncRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code check}: whether a sync with this configuration will work, told line by line, without creating
 * or changing anything: the configuration, the warehouse (reachable, storing instants, the schema there
 * or creatable, migrated or migratable, writable by the role), the API with the credential, and the
 * configured accounts among those it sees. Exit 1 with a line per failure.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration, the warehouse and the API without changing anything; exit 0 or 1.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigFileOption config;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncRuntime runtime = new SyncRuntime(config.file).apiOrDemo()) {
            List<Instance> instances = runtime.instances();
            boolean named = instances.size() > 1 || !instances.get(0).isDefault();
            List<String> lines = new ArrayList<>();
            for (Instance instance : instances) {
                String name = named ? "instance " + instance.id() + " " : "";
                out.println(name + "configuration: ok " + instance.settings());
                database(runtime, instance).forEach(line -> lines.add(name + line));
            }
            CamelContext camel = runtime.startApiOnly();
            for (Instance instance : instances) {
                String name = named ? "instance " + instance.id() + " " : "";
                api(runtime, camel, instance).forEach(line -> lines.add(name + line));
            }
            lines.forEach(out::println);
            out.flush();
            return lines.stream().anyMatch(line -> line.contains(": FAILED ")) ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
        }
    }

    private static List<String> database(SyncRuntime runtime, Instance instance) {
        SyncSettings settings = instance.settings();
        String url = JdbcUrls.withoutPassword(settings.warehouse().url());
        HikariDataSource dataSource;
        try {
            dataSource = runtime.existingDataSource(instance);
        } catch (IllegalStateException e) {
            return List.of("database: FAILED " + e.getMessage());
        }
        if (dataSource == null) {
            return List.of("database: ok (" + url + ": no database there yet; the first sync creates it)");
        }
        List<String> lines = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (WarehouseCheck.Finding finding : WarehouseCheck.check(dataSource, Dialect.of(dataSource), Tables.of(instance),
                SyncRun.TABLES)) {
            if (finding.failed()) {
                lines.add("database: FAILED " + finding.text());
            } else {
                fine.add(finding.text());
            }
        }
        if (lines.isEmpty()) {
            lines.add("database: ok (" + url + ", " + String.join("; ", fine) + ")");
        }
        return lines;
    }

    private static List<String> api(SyncRuntime runtime, CamelContext camel, Instance instance) {
        SyncSettings settings = instance.settings();
        ProducerTemplate producer = camel.createProducerTemplate();
        Exchange answer = producer.send("direct:" + instance.routeId("api-choice"), new DefaultExchange(camel));
        ApiChoice choice = runtime.apiChoice(instance);
        if (answer.getException() == null) {
            Exchange request = new DefaultExchange(camel);
            request.setProperty(ApiRequest.PROPERTY, choice.api().accounts());
            answer = producer.send("direct:" + instance.routeId("api-get"), request);
        }
        if (answer.getException() != null) {
            return List.of("api: FAILED " + answer.getException().getMessage());
        }
        List<String> seen = new ArrayList<>();
        if (answer.getMessage().getBody(Map.class).get("data") instanceof List<?> accounts) {
            accounts.forEach(account -> seen.add(account instanceof Map<?, ?> a ? String.valueOf(a.get("id")) : String.valueOf(account)));
        }
        LeadfeederApi api = choice.api();
        List<String> lines = new ArrayList<>();
        lines.add("api: ok (" + settings.api().baseUrl() + ", " + api.description()
                + " (" + instance.key(SyncSettings.API) + "=" + settings.api().generation() + "), the credential sees " + seen.size() + " account(s))");
        List<String> missing = settings.api().accountIds().stream().filter(id -> !seen.contains(id)).toList();
        for (String id : missing) {
            lines.add("accounts: FAILED account " + id + " (" + instance.key(SyncSettings.ACCOUNT_ID) + ") is not among the accounts the credential sees: "
                    + String.join(", ", seen));
        }
        if (missing.isEmpty()) {
            lines.add("accounts: ok (" + (settings.api().accountIds().isEmpty() ? "every account the credential sees"
                    : String.join(", ", settings.api().accountIds())) + ")");
        }
        return lines;
    }
}
