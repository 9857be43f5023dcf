package org.leadfeedercamel.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.leadfeedercamel.run.StopSignal;

/**
 * Sets the stop signals of a CamelContext's instances when the context begins to stop: before Camel's
 * graceful shutdown waits for in-flight exchanges, so a running sync ends at its next page (recorded
 * as stopped) instead of holding the shutdown until its timeout forces it. One per context, kept as a
 * context plugin (nothing in the host's registry).
 */
final class StopOnContextStop extends EventNotifierSupport {

    private final List<StopSignal> signals = new CopyOnWriteArrayList<>();

    private StopOnContextStop() {
        setIgnoreCamelContextEvents(false);
    }

    /** A new instance's stop signal, set when {@code context} stops. */
    static synchronized StopSignal signal(CamelContext context) {
        StopOnContextStop notifier = context.getCamelContextExtension().getContextPlugin(StopOnContextStop.class);
        if (notifier == null) {
            notifier = new StopOnContextStop();
            context.getCamelContextExtension().addContextPlugin(StopOnContextStop.class, notifier);
            context.getManagementStrategy().addEventNotifier(notifier);
            ServiceHelper.startService(notifier);
        }
        StopSignal signal = new StopSignal();
        notifier.signals.add(signal);
        return signal;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.CamelContextStopping;
    }

    @Override
    public void notify(CamelEvent event) {
        signals.forEach(signal -> signal.request("its CamelContext is stopping"));
    }
}
