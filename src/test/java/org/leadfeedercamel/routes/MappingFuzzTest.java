package org.leadfeedercamel.routes;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;

/**
 * Seeded malformed payloads through the real page routes into H2: every record served ends either in
 * its table or in leadfeeder_rejected_records, counted, and a bad record never costs its page.
 */
@Tag("reliability")
class MappingFuzzTest extends RouteTestSupport {

    private static final int PAGES = 12;
    private static final int PER_PAGE = 100;

    /** What a mutation does to a valid visit, and whether the visit must still load. */
    private enum Mutation {
        NONE(true), NO_ID(false), NULL_ID(false), EMPTY_ID(false), OBJECT_ID(false), ATTRIBUTES_NOT_OBJECT(false),
        DEPTH_AS_STRING(true), DEPTH_AS_WORD(false), LENGTH_AS_FRACTION(false), BAD_STARTED_AT(false), BAD_DATE(false), ROUTE_NULL(false),
        ROUTE_ENTRY_NOT_OBJECT(false), ROUTE_TIME_AS_TEXT(false), HUGE_PATH(false), LONG_PATH(true), DEEP_UNKNOWN(false),
        NESTED_UNKNOWN(true), TEN_THOUSAND_PAGES(true), UNKNOWN_FIELDS(true), DEEP_ROUTE_EXTRA(false),
        CLIENT_IDS_NOT_ARRAY(false), HOUR_AS_TEXT(true), NUMERIC_LEAD_ID(true), NOT_A_RECORD(false);

        final boolean loads;

        Mutation(boolean loads) {
            this.loads = loads;
        }
    }

    private static Map<String, Object> routeEntry(int i) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("hostname", "www.x.example");
        entry.put("page_path", "/p" + i);
        entry.put("previous_page_path", i == 0 ? "(entrance)" : "/p" + (i - 1));
        entry.put("time_on_page", 10);
        entry.put("page_title", "Page " + i + " 🚀");
        entry.put("page_url", "http://www.x.example/p" + i);
        entry.put("display_page_name", "http://www.x.example/p" + i);
        return entry;
    }

    private static Object nested(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = Map.of("n", value);
        }
        return value;
    }

    private static Object visit(String id, Mutation mutation, Random random) {
        Map<String, Object> a = new LinkedHashMap<>();
        int pages = 1 + random.nextInt(4);
        List<Object> route = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            route.add(routeEntry(i));
        }
        a.put("source", "Google");
        a.put("page_depth", pages);
        a.put("landing_page_path", "/p0?gclid=" + id);
        a.put("visit_route", route);
        a.put("visit_length", 10 * (pages - 1));
        a.put("started_at", "2025-04-22T06:59:58.637Z");
        a.put("ga_client_ids", List.of("1.2"));
        a.put("date", "2025-04-22");
        a.put("hour", 9);
        a.put("lead_id", "lead_" + id);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("type", "visits");
        record.put("attributes", a);
        switch (mutation) {
            case NONE -> { }
            case NO_ID -> record.remove("id");
            case NULL_ID -> record.put("id", null);
            case EMPTY_ID -> record.put("id", "");
            case OBJECT_ID -> record.put("id", Map.of("id", id));
            case ATTRIBUTES_NOT_OBJECT -> record.put("attributes", "attributes");
            case DEPTH_AS_STRING -> a.put("page_depth", String.valueOf(pages));
            case DEPTH_AS_WORD -> a.put("page_depth", "three");
            case LENGTH_AS_FRACTION -> a.put("visit_length", 1.5);
            case BAD_STARTED_AT -> a.put("started_at", "yesterday");
            case BAD_DATE -> a.put("date", "22.04.2025");
            case ROUTE_NULL -> a.put("visit_route", null);
            case ROUTE_ENTRY_NOT_OBJECT -> route.set(0, "not an entry");
            case ROUTE_TIME_AS_TEXT -> ((Map<String, Object>) route.get(0)).put("time_on_page", "ten");
            case HUGE_PATH -> a.put("landing_page_path", "/" + "x".repeat(2_000_000));
            case LONG_PATH -> a.put("landing_page_path", "/" + "y".repeat(200_000));
            case DEEP_UNKNOWN -> a.put("future_field", nested(2_000));
            case NESTED_UNKNOWN -> a.put("future_field", nested(50));
            case TEN_THOUSAND_PAGES -> {
                route.clear();
                for (int i = 0; i < 10_000; i++) {
                    route.add(routeEntry(i));
                }
                a.put("page_depth", 10_000);
            }
            case UNKNOWN_FIELDS -> {
                a.put("adobe_cookies", List.of("c1"));
                a.put("brand_new", Map.of("x", 1));
            }
            case DEEP_ROUTE_EXTRA -> ((Map<String, Object>) route.get(pages - 1)).put("future", nested(2_000));
            case CLIENT_IDS_NOT_ARRAY -> a.put("ga_client_ids", "1.2");
            case HOUR_AS_TEXT -> a.put("hour", "9");
            case NUMERIC_LEAD_ID -> a.put("lead_id", 123456);
            case NOT_A_RECORD -> {
                return "just a string";
            }
        }
        return record;
    }

    @Test
    void everyServedRecordEndsInItsTableOrAmongTheRejected() throws Exception {
        context.start();
        Random random = new Random(5150);
        Mutation[] mutations = Mutation.values();
        int served = 0;
        int shouldLoad = 0;
        int routeRows = 0;
        Map<Mutation, Integer> seen = new HashMap<>();
        for (int p = 0; p < PAGES; p++) {
            List<Object> data = new ArrayList<>();
            for (int i = 0; i < PER_PAGE; i++) {
                // the heavy ones rarely, every other kind often
                Mutation mutation = mutations[random.nextInt(mutations.length)];
                if ((mutation == Mutation.TEN_THOUSAND_PAGES || mutation == Mutation.HUGE_PATH) && seen.getOrDefault(mutation, 0) >= 2) {
                    mutation = Mutation.NONE;
                }
                seen.merge(mutation, 1, Integer::sum);
                Object record = visit("v-" + p + "-" + i, mutation, random);
                data.add(record);
                served++;
                if (mutation.loads) {
                    shouldLoad++;
                    routeRows += ((List<?>) ((Map<?, ?>) ((Map<?, ?>) record).get("attributes")).get("visit_route")).size();
                }
            }
            Exchange exchange = mapPage(new RecordMapper(new com.fasterxml.jackson.databind.ObjectMapper()).visits(),
                    window("2025-04-22", "2025-04-22"), Map.of("data", data, "included", List.of(), "links", Map.of()));
            assertThat(exchange.getException()).as("page %d", p).isNull();
            template.send("direct:leadfeeder-write-page", exchange);
            assertThat(exchange.getException()).as("page %d", p).isNull();
        }

        int loaded = jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class);
        int rejected = jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_rejected_records", Integer.class);
        ReliabilityReport.record("Malformed records", served + " visits with " + seen.size() + " kinds of damage (missing, null, empty and object ids; "
                + "wrong types; numbers as strings; 2,000,000-character strings; 2,000-deep nesting; 10,000-entry routes; unknown fields; non-records)",
                loaded + " loaded + " + rejected + " rejected with raw JSON and reason = " + served + " served; " + routeRows + " route rows; no page lost");
        assertThat(seen.keySet()).containsExactlyInAnyOrder(mutations);
        assertThat(loaded).isEqualTo(shouldLoad);
        assertThat(loaded + rejected).isEqualTo(served);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visit_routs", Integer.class)).isEqualTo(routeRows);
        assertThat(jdbc.queryForList("SELECT DISTINCT reason FROM leadfeeder_rejected_records", String.class))
                .contains("missing id", "visit_route is not a list", "a value is nested too deeply to store as JSON",
                        "landing_page_path is longer than 1000000 characters");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_rejected_records WHERE raw_json IS NULL", Integer.class)).isZero();
    }
}
