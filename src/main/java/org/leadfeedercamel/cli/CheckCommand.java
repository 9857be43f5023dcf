package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiGeneration;
import org.leadfeedercamel.api.ApiRequests;
import org.leadfeedercamel.sync.SyncProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code check}: configuration, the database and the API, each confirmed or refused in one line. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration, reach the database and the API with the credentials; exit 0 or 1.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncRuntime runtime = new SyncRuntime(config.file).apiOrDemo()) {
            out.println("configuration: ok " + runtime.settings());
            runtime.startCamel(false);
            out.println("database: ok (" + runtime.settings().dbUrl() + ", schema migrated)");
            ProducerTemplate producer = runtime.camel().createProducerTemplate();
            Exchange answer = producer.send("direct:leadfeeder-api-choice", new DefaultExchange(runtime.camel()));
            if (answer.getException() == null) {
                Exchange request = new DefaultExchange(runtime.camel());
                request.setProperty(SyncProperties.NEXT_URL, runtime.camel().getRegistry()
                        .lookupByNameAndType("leadfeederApi", ApiRequests.class).accountsUrl());
                answer = producer.send("direct:leadfeeder-api-get", request);
            }
            if (answer.getException() != null) {
                out.println("api: FAILED " + answer.getException().getMessage());
                out.flush();
                return CommandLine.ExitCode.SOFTWARE;
            }
            Object data = answer.getMessage().getBody(Map.class).get("data");
            ApiGeneration api = runtime.camel().getRegistry().lookupByNameAndType("leadfeederApiChoice", ApiChoice.class)
                    .generation();
            out.println("api: ok (" + runtime.settings().baseApiUrl() + ", " + (api == ApiGeneration.V1
                    ? "the unified /v1 API" : "the classic API") + " (leadfeeder.api=" + runtime.settings().api()
                    + "), the credential sees "
                    + (data instanceof List<?> list ? list.size() : 0) + " account(s))");
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
