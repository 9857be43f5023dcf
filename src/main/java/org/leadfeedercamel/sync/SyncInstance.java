package org.leadfeedercamel.sync;

import java.util.List;
import org.apache.camel.health.HealthCheck;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.mapping.PageMapper;
import org.leadfeedercamel.operations.SyncMetrics;
import org.leadfeedercamel.operations.SyncProgress;
import org.leadfeedercamel.run.StopSignal;

/**
 * An instance added to a CamelContext: what a host (or a test) may want of it besides its endpoint,
 * since none of its beans is in the context's registry.
 */
public record SyncInstance(Instance instance, ApiChoice apiChoice, PageMapper pageMapper, SyncMetrics metrics,
                           SyncProgress progress, List<HealthCheck> healthChecks, StopSignal stopSignal) {

    /**
     * Asks the instance's run in progress to end at its next page or wait, recorded as stopped; a run
     * begun afterwards stops at once. The CamelContext asks by itself when it begins to stop.
     */
    public void stop(String reason) {
        stopSignal.request(reason);
    }

    /** Where a run is asked for: {@code direct:leadfeeder-<id>-sync} (the default instance's {@code direct:leadfeeder-sync}). */
    public String syncEndpoint() {
        return instance.syncEndpoint();
    }
}
