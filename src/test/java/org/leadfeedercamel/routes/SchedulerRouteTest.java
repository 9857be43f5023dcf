package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/** leadfeeder-scheduler: the Quartz cron from configuration fires the sync, with an empty body (an incremental run). */
class SchedulerRouteTest extends RouteTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("leadfeeder.schedule", "* * * * * ?");
    }

    @Test
    void theCronFiresTheSync() throws Exception {
        AdviceWith.adviceWith(context, "leadfeeder-scheduler", a -> a.weaveByToUri("direct:.*-sync").replace().to("mock:sync"));
        context.start();
        NotifyBuilder fired = new NotifyBuilder(context).fromRoute("leadfeeder-scheduler").whenDone(2).create();
        context.getRouteController().startRoute("leadfeeder-scheduler");

        assertThat(fired.matches(10, TimeUnit.SECONDS)).isTrue();
        getMockEndpoint("mock:sync").getReceivedExchanges()
                .forEach(e -> assertThat(e.getMessage().getBody(String.class)).isEmpty());
    }
}
