package org.leadfeedercamel.spring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sync.HostInstances;
import org.leadfeedercamel.sync.SyncInstance;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The instances of the host's Spring environment ({@code application.properties}, YAML, the environment
 * with Boot's relaxed names), added to its CamelContext. An instance's warehouse: the DataSource bean its
 * {@code data-source} names; a pool of its own when it (or the plain keys) set a {@code db-url}; else
 * the host's DataSource.
 */
public final class LeadfeederInstancesConfiguration implements CamelContextConfiguration {

    private final ConfigurableEnvironment environment;
    private final ApplicationContext beans;
    private final ObjectProvider<DataSource> hostDataSource;
    private volatile List<SyncInstance> instances = List.of();

    LeadfeederInstancesConfiguration(ConfigurableEnvironment environment, ApplicationContext beans, ObjectProvider<DataSource> hostDataSource) {
        this.environment = environment;
        this.beans = beans;
        this.hostDataSource = hostDataSource;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        Set<String> names = new TreeSet<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                names.addAll(List.of(enumerable.getPropertyNames()));
            }
        });
        try {
            instances = HostInstances.add(context, key -> Optional.ofNullable(environment.getProperty(key)), names,
                    instance -> dataSource(context, instance), Clock.systemUTC());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the Leadfeeder instances could not be added: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing: the instances' routes started with the context
    }

    /** The instances added, for the host to look at (their endpoints, metrics, health checks). */
    public List<SyncInstance> instances() {
        return instances;
    }

    private DataSource dataSource(CamelContext context, Instance instance) {
        String name = instance.settings().warehouse().dataSource();
        if (name != null) {
            try {
                return beans.getBean(name, DataSource.class);
            } catch (NoSuchBeanDefinitionException e) {
                throw new ConfigurationException(instance.key(SyncSettings.DATA_SOURCE), name, "names no DataSource bean of the application");
            }
        }
        boolean ownUrl = environment.containsProperty(instance.key(SyncSettings.DB_URL)) || environment.containsProperty(SyncSettings.DB_URL);
        DataSource host = hostDataSource.getIfAvailable();
        return ownUrl || host == null ? HostInstances.ownPool(context, instance) : host;
    }
}
