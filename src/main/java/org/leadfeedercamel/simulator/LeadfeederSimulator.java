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
 * API serves it, with its limits and its failures. Runs in-process (tests, demo mode) or from the
 * {@code simulator} command.
 */
public final class LeadfeederSimulator implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "demo-token";

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

    /** Settings with the defaults of the real API: 100 requests per calendar minute, the 10,000 cap. */
    public static final class Builder {
        private DatasetSpec dataset = DatasetSpec.defaults();
        private Clock clock = Clock.systemUTC();
        private final Map<String, Set<String>> tokens = new LinkedHashMap<>();
        private int requestsPerWindow = 100;
        private Duration rateWindow = Duration.ofMinutes(1);
        private boolean retryAfter;
        private boolean acceptBearer;
        private int resultCap = 10_000;
        private FaultSettings faults = FaultSettings.none();
        private Set<String> brokenAccounts = Set.of();
        private boolean v1DocsErrors;
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

        /** Send Retry-After on 429 (the documented API does not promise it). */
        public Builder retryAfter(boolean value) {
            retryAfter = value;
            return this;
        }

        /** Also accept {@code Authorization: Bearer <token>}, as Rails token auth would. */
        public Builder acceptBearer(boolean value) {
            acceptBearer = value;
            return this;
        }

        /** Results one list query can reach, 10,000 on the real API. */
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

        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Accounts whose leads and visits answer 500 to every request: one account's outage. */
        public Builder brokenAccounts(Set<String> accountIds) {
            brokenAccounts = Set.copyOf(accountIds);
            return this;
        }

        /** On {@code /v1}, answer a missing or wrong key as the docs show (403, flat body) instead of the live 401 envelope. */
        public Builder v1DocsErrors(boolean value) {
            v1DocsErrors = value;
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
            FaultInjector injector = new FaultInjector(faults);
            SimulatorStats counters = new SimulatorStats();
            ClassicApi classic = new ClassicApi(data, effective, new CalendarWindowRateLimiter(requestsPerWindow, rateWindow,
                    clock), retryAfter, acceptBearer, resultCap, injector, brokenAccounts, counters);
            // the unified API beside it: its keys are the same tokens, sent as X-Api-Key
            V1Api unified = new V1Api(data, effective, v1DocsErrors, clock);
            SimulatorHttpServer.Handler api = request -> {
                long arrived = clock.millis(); // counted for either generation, in one place
                SimResponse response = request.path().startsWith("/v1/") ? unified.handle(request) : classic.handle(request);
                counters.served(response.status(), arrived);
                return response;
            };
            try {
                return new LeadfeederSimulator(data, injector, counters, SimulatorHttpServer.start(host, port, api));
            } catch (IOException e) {
                throw new UncheckedIOException("simulator could not listen on " + host + ":" + port, e);
            }
        }
    }
}
