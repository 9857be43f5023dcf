package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.simulator.http.SimRequest;
import org.leadfeedercamel.simulator.http.SimResponse;
import org.leadfeedercamel.simulator.http.SimulatorHttpServer;

/**
 * Leadfeeder's unified API ({@code /v1}, {@code X-Api-Key}) over the same dataset as the classic one,
 * per leadfeeder-api-v1.md. So far: the key check with both documented error shapes (the live 401
 * envelope by default, the docs' flat 403 on request), {@code GET /v1/accounts} with and without
 * {@code account_id} (credits from this key's requests this month), and 404 for anything else.
 */
final class V1Api implements SimulatorHttpServer.Handler {

    /** Requests a key may make per month (the docs' quota). */
    static final int MONTHLY_QUOTA = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dataset dataset;
    private final Map<String, Set<String>> keys;
    private final boolean docsErrors;
    private final Clock clock;
    private final Map<String, Integer> usedThisMonth = new ConcurrentHashMap<>();

    V1Api(Dataset dataset, Map<String, Set<String>> keys, boolean docsErrors, Clock clock) {
        this.dataset = dataset;
        this.keys = new LinkedHashMap<>(keys); // a null value: the key sees every account
        this.docsErrors = docsErrors;
        this.clock = clock;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String key = request.header("X-Api-Key");
        if (key == null || key.isBlank()) {
            return authError("missing_token", "You need to pass a header named `X-Api-Key` that contains a valid API key.");
        }
        if (!keys.containsKey(key)) {
            return authError("invalid_api_key", "The provided API key is invalid. Please generate a new API key.");
        }
        int used = usedThisMonth.merge(key + "@" + YearMonth.now(clock.withZone(ZoneOffset.UTC)), 1, Integer::sum);
        Set<String> visible = keys.get(key);
        if ("GET".equals(request.method()) && "/v1/accounts".equals(request.path())) {
            return accounts(request.query().get("account_id"), visible, used);
        }
        return error(404, "entity_not_found", "Not found", "No such resource: " + request.method() + " " + request.path());
    }

    private SimResponse accounts(String accountId, Set<String> visible, int used) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (SimAccount account : dataset.accounts()) {
            if (visible != null && !visible.contains(account.id())) {
                continue;
            }
            if (accountId == null) {
                data.add(Map.of("type", "account_summary", "id", account.id(), "attributes", Map.of("name", account.name())));
            } else if (accountId.equals(account.id())) {
                LocalDate nextReset = YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1).atDay(1);
                data.add(Map.of("type", "account", "id", account.id(), "attributes", Map.of("name", account.name(),
                        "credits", Map.of("available", MONTHLY_QUOTA, "used", used, "remaining", Math.max(0, MONTHLY_QUOTA - used),
                                "next_reset_on", nextReset.toString()))));
            }
        }
        if (accountId != null && data.isEmpty()) {
            return error(403, "forbidden", "Forbidden", "This API key cannot access account " + accountId + ".");
        }
        // not paginated: the whole list in one answer, page parameters ignored
        return json(200, Map.of("data", data, "meta", Map.of("request_id", requestId())));
    }

    /** 401 with the live envelope, or in docs mode 403 with the flat body the docs show. */
    private SimResponse authError(String code, String message) {
        if (docsErrors) {
            return json(403, Map.of("code", code, "message", message));
        }
        return json(401, Map.of("errors", List.of(Map.of("code", code, "title", "Unauthorized", "detail", message)),
                "error", Map.of("code", code, "message", message), "meta", Map.of("request_id", requestId())))
                .withHeader("WWW-Authenticate", "Bearer realm=\"api.leadfeeder.com\"");
    }

    private SimResponse error(int status, String code, String title, String detail) {
        return json(status, Map.of("errors", List.of(Map.of("code", code, "title", title, "detail", detail)),
                "meta", Map.of("request_id", requestId())));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static SimResponse json(int status, Object body) {
        try {
            return SimResponse.json(status, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
