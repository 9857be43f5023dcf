package org.leadfeedercamel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.leadfeedercamel.config.SyncSettings;

/**
 * Turns an HTTP answer into a parsed JSON:API document or the exception that says what to do about it.
 * Status handling lives here rather than in camel-http's exception so that a 200 with a cut-off body
 * is treated like the transient fault it is. The body comes as the connection's own stream (camel-http's
 * stream cache is off for the API, so no copy of it is held), parsed as it arrives, and every answer's body
 * is read here, to its end or to the size limit, which gives its connection back to the pool at once.
 */
public final class ApiResponses implements Processor {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    /** The unified API's codes for a credential it does not take, in 401s and in the docs' 403s. */
    private static final Set<String> V1_AUTH_CODES = Set.of("missing_token", "invalid_api_key",
            "access_denied", "api_key_expired", "invalid_token", "token_expired", "token_revoked");
    /** A {@code /v1} 429 says nothing about when to come back; its bucket refills within a second. */
    private static final Duration V1_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

    private final ObjectMapper json;
    private final URI base;
    private final Duration maxRetryAfter;
    private final Clock clock;

    /** {@code maxRetryAfter} caps how long a 5xx's {@code Retry-After} may hold the next attempt back. */
    public ApiResponses(ObjectMapper json, URI base, Duration maxRetryAfter, Clock clock) {
        this.json = json;
        this.base = base;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
    }

    /** Replaces the body with the parsed document, or throws. */
    @Override
    public void process(Exchange exchange) throws IOException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String url = exchange.getMessage().getHeader(Exchange.HTTP_URI, "", String.class);
        String what = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "GET", String.class) + " " + url;
        try {
            if (status == 200) {
                exchange.getMessage().setBody(document(exchange, what));
                // the response's headers are spent; left on, every split exchange of the page would copy them
                exchange.getMessage().removeHeaders("*");
                return;
            }
            // read once, whole: every error below reads its code or quotes it from the text
            exchange.getMessage().setBody(text(exchange));
        } catch (ResponseSizeLimit.Exceeded e) {
            throw new ResponseTooLargeException("The answer to " + method(what) + ApiHost.shown(url) + " is " + e.getMessage()
                    + "; refused there, and not asked again");
        }
        throw failure(exchange, status, url, what);
    }

    /** The parsed document of a 200, read from the body stream as it arrives. */
    private Map<String, Object> document(Exchange exchange, String what) throws IOException {
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            if (body == null) {
                throw new TransientApiException("empty body from " + what);
            }
            return json.readValue(body, DOCUMENT);
        } catch (JsonProcessingException e) {
            throw new TransientApiException("malformed JSON from " + what + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The body of an answer that is no page, as text (an error's JSON, a gateway's HTML); empty when there is none. */
    private static String text(Exchange exchange) throws IOException {
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            return body == null ? "" : new String(body.readAllBytes(), charset(exchange));
        }
    }

    private static Charset charset(Exchange exchange) {
        try {
            return Charset.forName(exchange.getProperty(ExchangePropertyKey.CHARSET_NAME, "UTF-8", String.class));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String method(String what) {
        return what.substring(0, what.indexOf(' ') + 1);
    }

    /** What an answer other than 200 means, as the exception to throw. */
    private ApiException failure(Exchange exchange, int status, String url, String what) {
        ApiRequest request = exchange.getProperty(ApiRequest.PROPERTY, ApiRequest.class);
        String accountId = request == null ? null : request.accountId();
        if (ApiGeneration.ofUrl(url, base) == ApiGeneration.V1) {
            return v1Error(exchange, status, what, accountId);
        }
        return switch (status) {
            case 429 -> new RateLimitedException(retryAfter(exchange));
            case 401 -> new CredentialRefusedException("Leadfeeder refused the API token (HTTP 401): check LEADFEEDER_API_TOKEN");
            case 403 -> denied("HTTP 403", what, accountId, "token");
            case 402 -> new PaymentRequiredException(accountId);
            case 404 -> new AccountUnavailableException("Leadfeeder answered HTTP 404 for account " + accountId
                    + " (" + what + "): no such account");
            default -> unexpected(exchange, status, "HTTP " + status, what);
        };
    }

    /**
     * What a {@code /v1} error means (leadfeeder-api-v1.md §1.4). Its code is read from
     * {@code errors[0].code}, then {@code error.code}, then a flat {@code code}: both documented shapes.
     */
    private ApiException v1Error(Exchange exchange, int status, String what, String accountId) {
        String body = exchange.getMessage().getBody(String.class);
        String code = v1Code(body);
        String answer = "HTTP " + status + (code == null ? "" : " " + code);
        if (status == 401 || (status == 403 && V1_AUTH_CODES.contains(code))) {
            return new CredentialRefusedException("Leadfeeder refused the API key (" + answer + "): check LEADFEEDER_API_TOKEN");
        }
        return switch (status) {
            case 403 -> {
                if ("insufficient_entitlements".equals(code) && accountId != null) {
                    yield new PaymentRequiredException(accountId, answer);
                }
                yield denied(answer, what, accountId, "key");
            }
            case 404 -> accountId == null
                    ? new FatalApiException("Leadfeeder answered " + answer + " to " + what)
                    : new AccountUnavailableException("Leadfeeder answered " + answer + " for account " + accountId + " (" + what + ")");
            case 416 -> new OffsetExceededException("Leadfeeder answered " + answer + " to " + what
                    + ": past the results one search can reach");
            case 429 -> "quota_exceeded".equals(code)
                    ? new QuotaExceededException("The API key's monthly request quota is used up (" + answer
                    + "); Leadfeeder resets it at the start of the month")
                    : new RateLimitedException(retryAfter(exchange), V1_RATE_LIMIT_WAIT);
            default -> unexpected(exchange, status, answer, what);
        };
    }

    /** A 403 that is not about the credential itself: the whole run without an account, else that account alone. */
    private static ApiException denied(String answer, String what, String accountId, String credential) {
        return accountId == null
                ? new FatalApiException("Leadfeeder denied access (" + answer + ") to " + what + ": check LEADFEEDER_API_TOKEN")
                : new AccountUnavailableException("Leadfeeder denied access (" + answer + ") to " + what + ": the "
                + credential + " cannot read this account; check LEADFEEDER_API_TOKEN and LEADFEEDER_ACCOUNT_ID");
    }

    /**
     * Any other status: 5xx (and no answer) are worth retrying, the rest say the request is wrong. A 5xx
     * that says when to come back ({@code Retry-After}, e.g. a 503 during maintenance) holds the next
     * attempt back that long, capped, instead of the backoff: Camel's redelivery takes its delay from
     * the {@code CamelRedeliveryDelay} header of the failed exchange.
     */
    private ApiException unexpected(Exchange exchange, int status, String answer, String what) {
        if (status < 500 && status != 0) {
            return new FatalApiException(answer + " from " + what + ": " + snippet(exchange));
        }
        Long retryAfter = retryAfter(exchange);
        if (retryAfter == null) {
            return new TransientApiException("HTTP " + status + " from " + what);
        }
        long seconds = Math.min(retryAfter, maxRetryAfter.toSeconds());
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, seconds * 1000);
        return new TransientApiException("HTTP " + status + " from " + what + ", Retry-After " + retryAfter + " s"
                + (seconds < retryAfter ? " (waiting " + seconds + " s, " + SyncSettings.MAX_RATE_LIMIT_WAIT + ")" : ""));
    }

    private String v1Code(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode error = json.readTree(body);
            for (String pointer : new String[] {"/errors/0/code", "/error/code", "/code"}) {
                JsonNode code = error.at(pointer);
                if (code.isTextual()) {
                    return code.asText();
                }
            }
        } catch (JsonProcessingException e) {
            // a gateway's HTML page: no code to read
        }
        return null;
    }

    /** {@code Retry-After} in seconds, given as seconds or as an HTTP date; null when absent or unreadable. */
    private Long retryAfter(Exchange exchange) {
        String value = exchange.getMessage().getHeader("Retry-After", String.class);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(clock.instant(), at).toSeconds());
            } catch (DateTimeParseException unreadable) {
                return null;
            }
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
