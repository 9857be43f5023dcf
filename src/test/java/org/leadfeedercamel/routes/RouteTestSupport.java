package org.leadfeedercamel.routes;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.LeadfeederSync;
import org.leadfeedercamel.sync.SyncProperties;
import org.leadfeedercamel.sync.SyncRun;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One route at a time: the sync's YAML routes in a test CamelContext with advice enabled, over a fresh
 * in-memory H2 warehouse; {@link #api()} is where the routes' HTTP goes (a simulator, when a test has one).
 */
abstract class RouteTestSupport extends CamelTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T12:00:00Z"), ZoneOffset.UTC);

    protected HikariDataSource dataSource;
    protected JdbcTemplate jdbc;
    protected SyncSettings settings;

    /** The API base URL the routes call; tests without HTTP leave the default. */
    protected String api() {
        return "http://127.0.0.1:9";
    }

    protected Map<String, String> overrides() {
        return Map.of();
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Map<String, String> values = new HashMap<>();
        values.put(SyncSettings.API_TOKEN, "route-test-token");
        values.put(SyncSettings.BASE_API_URL, api());
        values.put(SyncSettings.DB_URL, "jdbc:h2:mem:route-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        values.put(SyncSettings.START_DATE, "2025-04-01");
        values.put(SyncSettings.RATE_LIMIT_REQUESTS, "0"); // these simulators have no limit; PacingTest paces
        values.put(SyncSettings.API, "classic");
        values.put("leadfeeder.http.backoff-initial-ms", "5");
        values.put("leadfeeder.http.backoff-max-ms", "20");
        values.putAll(overrides());
        settings = SyncSettings.read(key -> Optional.ofNullable(values.get(key)));
        Properties properties = new Properties();
        values.forEach((k, v) -> {
            if (!k.equals(SyncSettings.API_TOKEN)) {
                properties.setProperty(k, v);
            }
        });
        properties.setProperty("leadfeeder.scheduler-enabled", "false");
        context.getPropertiesComponent().setInitialProperties(properties);
        dataSource = Warehouse.open(settings);
        jdbc = new JdbcTemplate(dataSource);
        LeadfeederSync.bindBeans(context, settings, dataSource, CLOCK);
        LeadfeederSync.addRoutes(context);
        return context;
    }

    @Override
    public void doPostTearDown() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** An exchange positioned the way the outer routes leave it for the route under test. */
    protected Exchange exchangeFor(String accountId, String stream) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(SyncProperties.RUN, SyncRun.incremental(CLOCK));
        exchange.setProperty(SyncProperties.ACCOUNT_ID, accountId);
        exchange.setProperty(SyncProperties.ACCOUNT_TIMEZONE, java.time.ZoneId.of("Europe/Helsinki"));
        exchange.setProperty(SyncProperties.STREAM, stream);
        exchange.setProperty(SyncProperties.PAGE_ROUTE, stream);
        return exchange;
    }
}
