package org.leadfeedercamel.routes;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiRequest;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageMapping;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.run.AccountRef;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.LeadfeederSync;
import org.leadfeedercamel.sync.SyncInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One route at a time: the sync's YAML routes in a test CamelContext with advice enabled, over a fresh
 * in-memory H2 warehouse; {@link #api()} is where the routes' HTTP goes (a simulator, when a test has one).
 * The routes are the default instance's, made from the templates: their definitions keep the template's
 * {@code {{routePrefix}}}, so advice finds an endpoint by a pattern such as {@code direct:.*-window}.
 */
abstract class RouteTestSupport extends CamelTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T12:00:00Z"), ZoneOffset.UTC);

    protected HikariDataSource dataSource;
    protected JdbcTemplate jdbc;
    protected SyncSettings settings;
    protected SyncInstance instance;

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
        values.put(SyncSettings.SCHEDULER_ENABLED, "false");
        values.putAll(overrides());
        settings = SyncSettings.read(key -> Optional.ofNullable(values.get(key)));
        dataSource = Warehouse.open(settings.warehouse());
        jdbc = new JdbcTemplate(dataSource);
        instance = LeadfeederSync.add(context, Instance.ofDefault(settings), dataSource, CLOCK);
        return context;
    }

    @Override
    public void doPostTearDown() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** An exchange positioned the way the outer routes leave it for the route under test: a run, an account and a stream. */
    protected Exchange exchangeFor(String accountId, String stream) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(SyncRun.PROPERTY, SyncRun.incremental(CLOCK));
        exchange.setVariable("account", new AccountRef(accountId, ZoneId.of("Europe/Helsinki")));
        exchange.setVariable("stream", stream);
        return exchange;
    }

    /** An exchange for the API routes: a GET of {@code url} for account 100001's visits, in a run. */
    protected Exchange requestTo(String url) {
        Exchange exchange = exchangeFor("100001", "visits");
        exchange.setProperty(ApiRequest.PROPERTY, new ApiRequest(url, "GET", null, "application/vnd.api+json, application/json",
                window("2025-04-22", "2025-04-22"), 1));
        return exchange;
    }

    protected static SyncWindow window(String from, String to) {
        return new SyncWindow("100001", "visits", LocalDate.parse(from), LocalDate.parse(to));
    }

    /** The run of an exchange made by {@link #exchangeFor}. */
    protected static SyncRun runOf(Exchange exchange) {
        return exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
    }

    /** Maps {@code document} with {@code mapping} through leadfeeder-page-map; the exchange's body is then the rows, for leadfeeder-write-page. */
    protected Exchange mapPage(PageMapping mapping, SyncWindow window, Map<?, ?> document) {
        Exchange exchange = exchangeFor(window.accountId(), window.stream());
        PageRows rows = new PageRows(runOf(exchange), window, mapping);
        exchange.setVariable("page", rows);
        exchange.getMessage().setBody(document);
        template.send("direct:leadfeeder-page-map", exchange);
        exchange.getMessage().setBody(rows);
        return exchange;
    }

    /** Empty rows of a page read in {@code window} on the configured API, as the page reader opens them. */
    protected PageRows pageRows(SyncRun run, SyncWindow window) {
        ApiChoice choice = instance.apiChoice();
        return new PageRows(run, window, choice.api().mapping(window.stream()));
    }
}
