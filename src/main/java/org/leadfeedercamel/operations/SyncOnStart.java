package org.leadfeedercamel.operations;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.quartz.QuartzComponent;
import org.leadfeedercamel.config.Instance;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs an instance once as its context starts, then on the schedule: started at 10:01 with an hourly
 * cron it syncs at 10:01, not 11:00. It fires the instance's own Quartz job, so the run never overlaps
 * a scheduled one (the job is stateful) and goes through the same route and run log.
 */
public final class SyncOnStart implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(SyncOnStart.class);

    private final Instance instance;
    private final AtomicBoolean fired = new AtomicBoolean();

    public SyncOnStart(Instance instance) {
        this.instance = instance;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        if (alreadyStarted) {
            fire(context); // the instance joined a running context (Camel tells a late listener this way only)
        }
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        fire(context); // its routes, the Quartz one among them, run now
    }

    private void fire(CamelContext context) throws SchedulerException {
        if (!fired.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Running {} now as it starts (leadfeeder.sync-on-start), then on the schedule {}",
                instance.isDefault() ? "the sync" : "instance " + instance.id(), instance.settings().schedule().cron());
        // the Quartz endpoint quartz:<prefix>/sync is the job <prefix>.sync
        context.getComponent("quartz", QuartzComponent.class).getScheduler().triggerJob(JobKey.jobKey("sync", instance.namePrefix()));
    }
}
