package org.leadfeedercamel.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.Warehouse;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Clustered scheduling on Quartz's own JDBC job store in the warehouse (PostgreSQL or MariaDB; its
 * tables come with migrations of their own, {@code db/job-store}): every node runs the same schedule,
 * each fire runs on exactly one node, and when a node dies mid-run the others take its trigger over
 * once it misses its check-ins. Runs still never overlap: the job is non-concurrent cluster-wide, and
 * the sync holds the warehouse's lock.
 */
public final class ClusteredScheduling {

    /** The name the job store knows the warehouse's pool by. */
    private static final String DATA_SOURCE = "leadfeeder";

    private ClusteredScheduling() {
    }

    /** The job store's tables are made for the server databases the nodes share; an H2 warehouse is one machine's. */
    public static void requireSupported(Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MARIADB) {
            throw new ConfigurationException(SyncSettings.CLUSTERED, "true", "needs a PostgreSQL or MariaDB warehouse "
                    + "(LEADFEEDER_DB_URL=jdbc:postgresql://… or jdbc:mariadb://…), where the job store lives");
        }
    }

    /** Quartz's SQL for the dialect: PostgreSQL's own delegate (its BYTEA), the standard one for MariaDB (Quartz's MySQL choice). */
    private static String driverDelegate(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
            case MARIADB -> "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
            case H2 -> throw new IllegalArgumentException("no clustered job store on " + dialect);
        };
    }

    /**
     * Points the context's Quartz component at the clustered job store in {@code dataSource}, where each
     * of the node's {@code instances} is a job of its own; a thread each, so a fire of one never waits
     * for another's run.
     */
    public static void configure(CamelContext context, SyncSettings settings, DataSource dataSource, int instances) {
        Dialect dialect = Dialect.of(dataSource);
        requireSupported(dialect);
        // the default instance's PostgreSQL state may have made them; a cluster of named instances alone has no such state
        Warehouse.migrateJobStore(dataSource, dialect);
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool is the program's; it closes it
            }

            @Override
            public void initialize() {
                // the pool is open already
            }
        });
        Properties quartz = new Properties();
        // one scheduler name for every node: that is what makes them one cluster
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "leadfeeder-camel");
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "AUTO");
        quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(Math.max(2, instances)));
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", driverDelegate(dialect));
        quartz.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", Warehouse.JOB_STORE_PREFIX);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.schedule().checkinInterval().toMillis()));
        QuartzComponent component = context.getComponent("quartz", QuartzComponent.class);
        try {
            component.setSchedulerFactory(new StdSchedulerFactory(quartz));
        } catch (SchedulerException e) {
            throw new IllegalStateException("clustered scheduling could not be set up: " + e.getMessage(), e);
        }
        // a node on its way down leaves the next fires to the others
        context.getManagementStrategy().addEventNotifier(new SchedulerStandbyOnStop(component));
    }
}
