package org.leadfeedercamel.sync;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.SyncSettings;

/**
 * The instances a Camel Main application's properties declare ({@code leadfeeder.instances.<id>.*}, and
 * the plain {@code leadfeeder.*} keys), added to its context. A host lists it in
 * {@code camel.main.configuration-classes=org.leadfeedercamel.sync.LeadfeederConfiguration}. An instance
 * writes to the registry's DataSource named by its {@code data-source}, or to its {@code db-url}.
 */
public class LeadfeederConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Set<String> names = new TreeSet<>(properties.loadProperties(key -> key.startsWith("leadfeeder.")).stringPropertyNames());
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        HostInstances.add(context, properties::resolveProperty, names, instance -> dataSource(context, instance), Clock.systemUTC());
    }

    private static DataSource dataSource(CamelContext context, Instance instance) {
        String name = instance.settings().warehouse().dataSource();
        if (name == null) {
            return HostInstances.ownPool(context, instance);
        }
        DataSource bean = context.getRegistry().lookupByNameAndType(name, DataSource.class);
        if (bean == null) {
            throw new ConfigurationException(instance.key(SyncSettings.DATA_SOURCE), name, "names no DataSource in the registry");
        }
        return bean;
    }
}
