package org.leadfeedercamel.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.http.SimResponse;
import org.leadfeedercamel.simulator.http.SimulatorHttpServer;

/**
 * The built-in Leadfeeder API simulator: a seeded dataset served over real HTTP the way the classic
 * API and the unified {@code /v1} API serve it, each with its own credentials, limits and failures. Runs in-process (tests, demo mode) or from the
 * {@code simulator} command.
 */
public final class LeadfeederSimulator implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "demo-token";
    /** The unified API's key when none is configured; like {@link #DEFAULT_TOKEN} it sees every account. */
    public static final String DEFAULT_API_KEY = "demo-api-key";

    private final Dataset dataset;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final SimulatorHttpServer server;

    private LeadfeederSimulator(Dataset dataset, FaultInjector faults, SimulatorStats stats, SimulatorHttpServer server) {
        this.dataset = dataset;
        this.faults = faults;
        this.stats = stats;
        this.server = server;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Base URL to configure a client with, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        String host = server.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The data being served; tests ask it for the rows a sync should produce. */
    public Dataset dataset() {
        return dataset;
    }

    public FaultInjector faults() {
        return faults;
    }

    public SimulatorStats stats() {
        return stats;
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Settings with the defaults of the real APIs: classic 100 requests per calendar minute; {@code /v1}
     * 10 requests per second with bursts of 15 and 100,000 a month; the 10,000 cap on both.
     */
    public static final class Builder {
        private DatasetSpec dataset = DatasetSpec.defaults();
        private Clock clock = Clock.systemUTC();
        private final Map<String, Set<String>> tokens = new LinkedHashMap<>();
        private int requestsPerWindow = 100;
        private Duration rateWindow = Duration.ofMinutes(1);
        private boolean retryAfter;
        private boolean acceptBearer;
        private ClassicShapes shapes = ClassicShapes.plain();
        private int resultCap = 10_000;
        private FaultSettings faults = FaultSettings.none();
        private int unavailableRetryAfterSeconds;
        private Set<String> brokenAccounts = Set.of();
        private boolean v1DocsErrors;
        private final Map<String, Set<String>> apiKeys = new LinkedHashMap<>();
        private double v1RequestsPerSecond = 10;
        private int v1Burst = 15;
        private int v1MonthlyQuota = 100_000;
        private String host = "127.0.0.1";
        private int port;

        public Builder dataset(DatasetSpec value) {
            dataset = value;
            return this;
        }

        /** The clock the rate-limit windows and "visits that have happened by now" follow. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** A token that sees every account. */
        public Builder token(String value) {
            tokens.put(value, null);
            return this;
        }

        /** A token that sees only these accounts; others answer 403. */
        public Builder token(String value, Set<String> accountIds) {
            tokens.put(value, Set.copyOf(accountIds));
            return this;
        }

        /** Requests allowed per token per window; 0 turns the limit off. */
        public Builder requestsPerWindow(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("requests per window must not be negative");
            }
            requestsPerWindow = value;
            return this;
        }

        public Builder rateWindow(Duration value) {
            if (value.toMillis() < 1) {
                throw new IllegalArgumentException("rate window must be at least a millisecond");
            }
            rateWindow = value;
            return this;
        }

        /** Send Retry-After on 429 of either API (neither documents it). */
        public Builder retryAfter(boolean value) {
            retryAfter = value;
            return this;
        }

        /** Also accept {@code Authorization: Bearer <token>}, as Rails token auth would. */
        public Builder acceptBearer(boolean value) {
            acceptBearer = value;
            return this;
        }

        /** How the classic API writes its pages beyond the common case (link objects, unmappable records). */
        public Builder classicShapes(ClassicShapes value) {
            shapes = value;
            return this;
        }

        /** Results one list query can reach, 10,000 on the real APIs (classic: cut silently; /v1: 416 past it). */
        public Builder resultCap(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("result cap must be at least 1");
            }
            resultCap = value;
            return this;
        }

        public Builder faults(FaultSettings value) {
            faults = value;
            return this;
        }

        /** Seconds of the Retry-After header that 503 answers carry; 0 (the default) sends none. */
        public Builder unavailableRetryAfter(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("the 503 Retry-After must not be negative");
            }
            unavailableRetryAfterSeconds = seconds;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Accounts whose leads and visits answer 500 to every request: one account's outage. */
        public Builder brokenAccounts(Set<String> accountIds) {
            brokenAccounts = Set.copyOf(accountIds);
            return this;
        }

        /**
         * On {@code /v1}, answer a missing or wrong key as the docs show (403, flat body) instead of the live
         * 401 envelope, and a 429 with the docs' flat body too.
         */
        public Builder v1DocsErrors(boolean value) {
            v1DocsErrors = value;
            return this;
        }

        /** A unified-API key ({@code X-Api-Key}) that sees every account; classic tokens are not keys. */
        public Builder apiKey(String value) {
            apiKeys.put(value, null);
            return this;
        }

        /** A unified-API key that sees only these accounts; others answer 403 {@code forbidden}. */
        public Builder apiKey(String value, Set<String> accountIds) {
            apiKeys.put(value, Set.copyOf(accountIds));
            return this;
        }

        /** Tokens per second refilling each key's bucket on {@code /v1} (10 on the real API); 0 turns the limit off. */
        public Builder v1RequestsPerSecond(double value) {
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("v1 requests per second must be a number of 0 or more");
            }
            v1RequestsPerSecond = value;
            return this;
        }

        /** Requests a key may make at once before the bucket throttles it (15 on the real API). */
        public Builder v1Burst(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("v1 burst must be at least 1");
            }
            v1Burst = value;
            return this;
        }

        /** Requests a key may make per UTC calendar month on {@code /v1} (100,000 on the real API). */
        public Builder v1MonthlyQuota(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("v1 monthly quota must not be negative");
            }
            v1MonthlyQuota = value;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public LeadfeederSimulator start() {
            Map<String, Set<String>> effective = new LinkedHashMap<>(tokens);
            if (effective.isEmpty()) {
                effective.put(DEFAULT_TOKEN, null);
            }
            Dataset data = new Dataset(dataset, clock);
            FaultInjector injector = new FaultInjector(faults, unavailableRetryAfterSeconds);
            SimulatorStats counters = new SimulatorStats();
            ClassicApi classic = new ClassicApi(data, effective, new CalendarWindowRateLimiter(requestsPerWindow, rateWindow,
                    clock), retryAfter, acceptBearer, resultCap, injector, brokenAccounts, counters, shapes);
            // the unified API beside it, with keys of its own: legacy tokens do not work on /v1
            Map<String, Set<String>> keys = new LinkedHashMap<>(apiKeys);
            if (keys.isEmpty()) {
                keys.put(DEFAULT_API_KEY, null);
            }
            V1Api unified = new V1Api(data, keys, v1DocsErrors, new TokenBucket(v1RequestsPerSecond, v1Burst, clock),
                    new MonthlyQuota(v1MonthlyQuota, clock), retryAfter, resultCap, injector, brokenAccounts, counters);
            SimulatorHttpServer.Handler api = request -> {
                long arrived = clock.millis(); // counted for either generation, in one place
                SimResponse response = request.path().startsWith("/v1/") ? unified.handle(request) : classic.handle(request);
                counters.served(response.status(), arrived);
                return response;
            };
            try {
                return new LeadfeederSimulator(data, injector, counters, SimulatorHttpServer.start(host, port, api, counters::bodyBytesSent));
            } catch (IOException e) {
                throw new UncheckedIOException("simulator could not listen on " + host + ":" + port, e);
            }
        }
    }
}
