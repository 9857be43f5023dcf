package org.leadfeedercamel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.sync.SyncProperties;

/**
 * Turns an HTTP answer into a parsed JSON:API document or the exception that says what to do about it.
 * Status handling lives here rather than in camel-http's exception so that a 200 with a cut-off body
 * is treated like the transient fault it is.
 */
public final class ApiResponses {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ApiResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Replaces the body with the parsed document, or throws. */
    public void read(Exchange exchange) throws IOException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String what = "GET " + exchange.getMessage().getHeader(Exchange.HTTP_URI, "", String.class);
        if (status == 200) {
            try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
                if (body == null) {
                    throw new TransientApiException("empty body from " + what);
                }
                exchange.getMessage().setBody(json.readValue(body, DOCUMENT));
                // the response's headers are spent; left on, every split exchange of the page would copy them
                exchange.getMessage().removeHeaders("*");
                return;
            } catch (JsonProcessingException e) {
                throw new TransientApiException("malformed JSON from " + what + " (" + e.getOriginalMessage() + ")", e);
            }
        }
        String accountId = exchange.getProperty(SyncProperties.ACCOUNT_ID, String.class);
        switch (status) {
            case 429 -> throw new RateLimitedException(retryAfter(exchange));
            case 401 -> throw new FatalApiException("Leadfeeder refused the API token (HTTP 401): check LEADFEEDER_API_TOKEN");
            case 403 -> throw accountId == null
                    ? new FatalApiException("Leadfeeder denied access (HTTP 403) to " + what
                    + ": check LEADFEEDER_API_TOKEN")
                    : new AccountUnavailableException("Leadfeeder denied access (HTTP 403) to " + what
                    + ": the token cannot read this account; check LEADFEEDER_API_TOKEN and LEADFEEDER_ACCOUNT_ID");
            case 402 -> throw new PaymentRequiredException(accountId);
            case 404 -> throw new AccountUnavailableException("Leadfeeder answered HTTP 404 for account " + accountId
                    + " (" + what + "): no such account");
            default -> {
                if (status >= 500 || status == 0) {
                    throw new TransientApiException("HTTP " + status + " from " + what);
                }
                throw new FatalApiException("HTTP " + status + " from " + what + ": " + snippet(exchange));
            }
        }
    }

    private static Long retryAfter(Exchange exchange) {
        String value = exchange.getMessage().getHeader("Retry-After", String.class);
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null; // an HTTP date: wait for the next window instead
        }
    }

    private static String snippet(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null) {
            return "(no body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
