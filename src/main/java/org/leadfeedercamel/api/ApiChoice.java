package org.leadfeedercamel.api;

import java.util.Optional;
import org.leadfeedercamel.config.SyncSettings;
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

    private final LeadfeederApi classic;
    private final LeadfeederApi v1;
    private volatile LeadfeederApi chosen;

    /** {@code configured}: the value of {@code leadfeeder.api}, {@code classic}, {@code v1} or {@code auto}. */
    public ApiChoice(String configured, LeadfeederApi classic, LeadfeederApi v1) {
        this.classic = classic;
        this.v1 = v1;
        this.chosen = switch (configured) {
            case "classic" -> classic;
            case "v1" -> v1;
            default -> null;
        };
    }

    public boolean undecided() {
        return chosen == null;
    }

    /** The API in use; asking before a run has chosen it is a programming error. */
    public LeadfeederApi api() {
        LeadfeederApi api = chosen;
        if (api == null) {
            throw new IllegalStateException("the Leadfeeder API has not been chosen yet (leadfeeder.api=auto)");
        }
        return api;
    }

    /** The API in use, or empty before auto has chosen. */
    public Optional<LeadfeederApi> chosen() {
        return Optional.ofNullable(chosen);
    }

    /** The request that tells the two credentials apart: the unified API's account list. */
    public ApiRequest probe() {
        return v1.accounts();
    }

    public void acceptedByV1() {
        choose(v1, "GET /v1/accounts accepted the credential as an X-Api-Key");
    }

    /**
     * /v1 would not serve the credential: it is taken for a classic token (the classic API then says
     * whether it is one). A spent quota is the exception: only a /v1 key has one.
     */
    public void refusedByV1(Throwable refusal) {
        if (refusal instanceof QuotaExceededException spent) {
            choose(v1, "GET /v1/accounts knows the key, whose monthly quota is spent");
            throw spent;
        }
        choose(classic, "/v1 refused the credential as an X-Api-Key ("
                + (refusal == null ? "refused" : refusal.getMessage()) + "), so it is taken for a classic token");
    }

    private void choose(LeadfeederApi api, String why) {
        chosen = api;
        LOG.info("Leadfeeder API: {} (leadfeeder.api=auto: {}); set {}={} to skip this check",
                api.description(), why, SyncSettings.API, api.label());
    }
}
