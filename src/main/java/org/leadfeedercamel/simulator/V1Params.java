package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and validates the parameters of the /v1 data endpoints, refusing bad ones with a 400 that names them. */
final class V1Params {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The dates (inclusive, UTC) and optional filters of a web-visits search; null or empty filters match all. */
    record VisitSearch(LocalDate from, LocalDate to, String companyId, List<String> countryCodes, List<String> cities) {

        boolean filtered() {
            return companyId != null || !isEmpty(countryCodes) || !isEmpty(cities);
        }

        /** Whether a visit of this company from this location passes every filter given. */
        boolean matches(String visitCompanyId, String countryCode, String city) {
            return (companyId == null || companyId.equals(visitCompanyId))
                    && (isEmpty(countryCodes) || countryCodes.stream().anyMatch(c -> c.equalsIgnoreCase(countryCode)))
                    && (isEmpty(cities) || cities.stream().anyMatch(c -> c.equalsIgnoreCase(city)));
        }

        private static boolean isEmpty(List<String> values) {
            return values == null || values.isEmpty();
        }
    }

    private V1Params() {
    }

    static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw V1Rejection.invalid(name, "is required");
        }
        return value;
    }

    /** {@code include}: only {@code company} is known; absent means relationships carry ids only. */
    static boolean includeCompany(Map<String, String> query) {
        String include = query.get("include");
        if (include == null || include.isEmpty()) {
            return false;
        }
        if (!"company".equals(include)) {
            throw V1Rejection.invalid("include", "accepts only 'company', got '" + include + "'");
        }
        return true;
    }

    /** start_date and end_date of the query (visitor companies), inclusive. */
    static LocalDate[] dates(Map<String, String> query) {
        return window(date("start_date", query.get("start_date")), date("end_date", query.get("end_date")));
    }

    /** The JSON body of a web-visits search; an {@code account_id} in it is ignored, as the real API does. */
    static VisitSearch visitSearch(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw V1Rejection.invalid("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw V1Rejection.invalid("body", "must be a JSON object");
        }
        LocalDate[] window = window(date("start_date", text(root.get("start_date"))),
                date("end_date", text(root.get("end_date"))));
        JsonNode filters = root.path("filters");
        if (!filters.isMissingNode() && !filters.isNull() && !filters.isObject()) {
            throw V1Rejection.invalid("filters", "must be an object");
        }
        return new VisitSearch(window[0], window[1], filterText(filters.get("company_id")),
                filterList(filters, "location_country_codes"), filterList(filters, "location_cities"));
    }

    private static LocalDate[] window(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw V1Rejection.invalid("start_date", "must not be after end_date");
        }
        return new LocalDate[] {from, to};
    }

    /** Strictly YYYY-MM-DD. */
    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw V1Rejection.invalid(name, "is required (YYYY-MM-DD)");
        }
        if (value.length() != 10) {
            throw V1Rejection.invalid(name, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw V1Rejection.invalid(name, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private static String filterText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw V1Rejection.invalid("filters.company_id", "must be a string");
        }
        return node.asText();
    }

    private static List<String> filterList(JsonNode filters, String name) {
        JsonNode node = filters.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw V1Rejection.invalid("filters." + name, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw V1Rejection.invalid("filters." + name, "must be an array of strings");
            }
            values.add(value.asText());
        }
        return values;
    }
}
