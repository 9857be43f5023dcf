package org.leadfeedercamel.api;

import org.apache.camel.Exchange;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Leadfeeder API this process talks to. {@code leadfeeder.api=classic} or {@code v1} pins it;
 * {@code auto} (the default) lets the first run ask {@code GET /v1/accounts} with the credential as an
 * {@code X-Api-Key}: an answer means the unified API, a refused key means a classic token. Neither
 * credential can be told from the other by its look, so the API is asked, once per process.
 */
public final class ApiChoice {

    private static final Logger LOG = LoggerFactory.getLogger(ApiChoice.class);

    private final SyncSettings settings;
    private volatile ApiGeneration chosen;

    public ApiChoice(SyncSettings settings) {
        this.settings = settings;
        this.chosen = switch (settings.api()) {
            case "classic" -> ApiGeneration.CLASSIC;
            case "v1" -> ApiGeneration.V1;
            default -> null;
        };
    }

    public boolean undecided() {
        return chosen == null;
    }

    /** The API in use; asking before a run has chosen it is a programming error. */
    public ApiGeneration generation() {
        ApiGeneration generation = chosen;
        if (generation == null) {
            throw new IllegalStateException("the Leadfeeder API has not been chosen yet (leadfeeder.api=auto)");
        }
        return generation;
    }

    /** The API in use, or null before auto has chosen. */
    public ApiGeneration generationOrNull() {
        return chosen;
    }

    /** The request that tells the two credentials apart: the unified API's account list. */
    public String probeUrl() {
        return settings.baseApiUrl() + "/v1/accounts";
    }

    public void acceptedByV1() {
        choose(ApiGeneration.V1, "GET /v1/accounts accepted the credential as an X-Api-Key");
    }

    /**
     * /v1 would not serve the credential: it is taken for a classic token (the classic API then says
     * whether it is one). A spent quota is the exception: only a /v1 key has one.
     */
    public void refusedByV1(Exchange exchange) {
        Throwable refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (refusal instanceof QuotaExceededException spent) {
            choose(ApiGeneration.V1, "GET /v1/accounts knows the key, whose monthly quota is spent");
            throw spent;
        }
        choose(ApiGeneration.CLASSIC, "/v1 refused the credential as an X-Api-Key ("
                + (refusal == null ? "refused" : refusal.getMessage()) + "), so it is taken for a classic token");
        exchange.removeProperty(SyncProperties.NEXT_URL);
    }

    private void choose(ApiGeneration generation, String why) {
        chosen = generation;
        LOG.info("Leadfeeder API: {} (leadfeeder.api=auto: {}); set {}={} to skip this check",
                generation == ApiGeneration.V1 ? "the unified /v1 API" : "the classic API", why, SyncSettings.API,
                generation.label());
    }
}
