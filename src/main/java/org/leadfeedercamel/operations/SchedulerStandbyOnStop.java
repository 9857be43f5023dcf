package org.leadfeedercamel.operations;

import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Puts a clustered node's Quartz scheduler in standby the moment Camel starts stopping. Camel shuts the
 * routes down before the scheduler, and in between the scheduler would still take fires: Camel's job
 * finds no consumer for them and drops them, fires another node would have run. In standby the node
 * hands the triggers it took back to the cluster and takes no more; its runs under way still end.
 */
final class SchedulerStandbyOnStop extends EventNotifierSupport {

    private final QuartzComponent quartz;

    SchedulerStandbyOnStop(QuartzComponent quartz) {
        this.quartz = quartz;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) throws SchedulerException {
        Scheduler scheduler = quartz.getScheduler();
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.standby();
        }
    }
}
