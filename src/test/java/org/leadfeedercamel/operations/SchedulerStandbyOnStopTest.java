package org.leadfeedercamel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

/** A node on its way down takes no more fires: its scheduler is in standby before its routes stop. */
class SchedulerStandbyOnStopTest {

    @Test
    void theSchedulerIsInStandbyBeforeTheRoutesStop() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        context.getManagementStrategy().addEventNotifier(new SchedulerStandbyOnStop(quartz));
        AtomicReference<Boolean> standbyAsRoutesStop = new AtomicReference<>();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextRoutesStoppingEvent;
            }

            @Override
            public void notify(CamelEvent event) throws Exception {
                standbyAsRoutesStop.set(quartz.getScheduler().isInStandbyMode());
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("quartz:standby/test?cron=0 0 0 * * ?").setBody(constant(""));
            }
        });
        context.start();
        assertThat(quartz.getScheduler().isInStandbyMode()).isFalse();

        context.stop();

        assertThat(standbyAsRoutesStop.get()).isTrue();
    }
}
