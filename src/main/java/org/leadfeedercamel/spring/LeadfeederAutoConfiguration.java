package org.leadfeedercamel.spring;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Spring Boot: adding the dependency and {@code leadfeeder.*} properties is all a host does. The
 * instances its properties declare join the host's CamelContext before it starts, on the host's
 * DataSource (or the bean an instance's {@code data-source} names, or a pool of its {@code db-url}),
 * their meters in the host's MeterRegistry and their checks in Camel's health, which Actuator shows.
 * After Camel's auto-configuration and the host's DataSource, Flyway and metrics (named, so Boot 3 and
 * Boot 4, whose auto-configurations moved packages, are both served).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class, afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"})
@ConditionalOnClass({CamelContext.class, CamelContextConfiguration.class})
@ConditionalOnProperty(prefix = "leadfeeder", name = "enabled", havingValue = "true", matchIfMissing = true)
public class LeadfeederAutoConfiguration {

    /** Adds the instances when Camel Spring Boot configures the context, before its routes start. */
    @Bean
    @ConditionalOnMissingBean(LeadfeederInstancesConfiguration.class)
    public LeadfeederInstancesConfiguration leadfeederInstancesConfiguration(ConfigurableEnvironment environment,
            ApplicationContext beans, ObjectProvider<DataSource> hostDataSource) {
        return new LeadfeederInstancesConfiguration(environment, beans, hostDataSource);
    }
}
