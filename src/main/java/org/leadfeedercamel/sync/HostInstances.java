package org.leadfeedercamel.sync;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.Instances;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances a host's configuration declares, added to its CamelContext: what Camel Main
 * ({@link LeadfeederConfiguration}) and Spring Boot (the auto-configuration) both do with the host's
 * properties. A host is no demo: the plain keys make a default instance only with a token.
 */
public final class HostInstances {

    private static final Logger LOG = LoggerFactory.getLogger(HostInstances.class);

    private HostInstances() {
    }

    /**
     * Adds every instance {@code lookup} declares ({@code names}: the names of the keys it holds) to
     * {@code context}; {@code dataSources} gives each its warehouse.
     */
    public static List<SyncInstance> add(CamelContext context, Function<String, Optional<String>> lookup, Collection<String> names,
            Function<Instance, DataSource> dataSources, Clock clock) throws Exception {
        List<SyncInstance> added = new ArrayList<>();
        for (Instance instance : Instances.read(lookup, names)) {
            if (instance.isDefault() && !instance.settings().hasCredential()) {
                continue; // the plain keys without a token: shared settings of the named instances, or nothing configured
            }
            added.add(LeadfeederSync.add(context, instance, dataSources.apply(instance), clock));
        }
        if (added.isEmpty()) {
            LOG.info("No Leadfeeder instance is configured (set {} or leadfeeder.instances.<id>.api-token)", SyncSettings.API_TOKEN);
        }
        return added;
    }

    /** A pool of the instance's own ({@code db-url}), closed when the context stops. */
    public static DataSource ownPool(CamelContext context, Instance instance) {
        HikariDataSource pool = Warehouse.open(instance.settings().warehouse());
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    pool.close();
                }
            }, true, true);
        } catch (Exception e) {
            pool.close();
            throw new IllegalStateException("cannot add the warehouse pool of instance " + instance.id() + " to the context", e);
        }
        return pool;
    }
}
