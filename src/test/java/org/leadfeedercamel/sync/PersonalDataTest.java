package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.simulator.ClassicShapes;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;

/**
 * {@code leadfeeder.personal-data}: under {@code hash} every visitor value is the keyed SHA-256 of the
 * API's value, under {@code drop} NULL, and under both no plain value is anywhere in the warehouse, in
 * any column of any table, {@code _extra} and the rejected records' JSON included; {@code keep} stores
 * them as sent. The rest of each visit loads as it would.
 */
class PersonalDataTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2025-04-20");
    private static final String KEY = "a-secret-of-the-users-0123456789";
    private static final List<String> COLUMNS = List.of("visitor_email", "visitor_first_name", "visitor_last_name");

    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({"classic,keep", "classic,hash", "classic,drop", "v1,keep", "v1,hash", "v1,drop"})
    void visitorValuesFollowThePolicyEverywhereInTheWarehouse(String api, String mode) throws Exception {
        // classic: one visit in 10 served unmappable, so the rejected records' JSON holds visitor values too
        ClassicShapes shapes = new ClassicShapes(false, api.equals("classic") ? 10 : 0);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(DatasetSpec.defaults().withRange(FROM, TO)
                .withVisitsPerAccount(300).withCompaniesPerAccount(30)).classicShapes(shapes).token("tok").apiKey("key")
                .clock(SyncEndToEndTest.CLOCK).requestsPerWindow(0).v1RequestsPerSecond(0).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, Map.of(SyncSettings.START_DATE, FROM.minusDays(1).toString(),
                     SyncSettings.API, api, SyncSettings.API_TOKEN, api.equals("v1") ? "key" : "tok",
                     SyncSettings.PERSONAL_DATA, mode, SyncSettings.PERSONAL_DATA_KEY, KEY))) {
            SyncRun run = sync.once();
            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncRun.Status.SUCCEEDED);

            ExpectedRows expected = new ExpectedRows(simulator.dataset());
            Map<Object, Map<String, Object>> served = new HashMap<>();
            for (String account : List.of("100001", "100002")) {
                (api.equals("v1") ? expected.v1Visits(account, FROM.minusDays(1), TO.plusDays(1)) : expected.visits(account, FROM, TO))
                        .forEach(visit -> served.put(visit.get("visit_id"), visit));
            }
            Set<String> plain = served.values().stream().flatMap(v -> COLUMNS.stream().map(v::get))
                    .filter(value -> value instanceof String s && !s.isEmpty()).map(String.class::cast).collect(Collectors.toSet());
            assertThat(plain).as("the dataset identifies visitors").hasSizeGreaterThan(20);
            if (api.equals("classic")) {
                assertThat(sync.count("leadfeeder_rejected_records")).as("unmappable visits kept").isPositive();
            }

            List<Map<String, Object>> stored = sync.rows("SELECT visit_id, " + String.join(", ", COLUMNS) + " FROM raw_leadfeeder__visits");
            assertThat(stored).hasSizeGreaterThan(100);
            for (Map<String, Object> row : stored) {
                Map<String, Object> sent = served.get(row.get("visit_id"));
                for (String column : COLUMNS) {
                    Object value = sent.get(column);
                    Object want = switch (mode) {
                        case "keep" -> value;
                        case "hash" -> value == null ? null : hmac((String) value);
                        default -> null;
                    };
                    assertThat(row.get(column)).as(column + " of " + row.get("visit_id")).isEqualTo(want);
                }
            }
            Set<String> found = plainValuesIn(sync, plain);
            if (mode.equals("keep")) {
                assertThat(found).isNotEmpty();
            } else {
                assertThat(found).as("plain visitor values in the warehouse").isEmpty();
            }
        }
    }

    /** The plain values found in the warehouse: every column of every table, read as text. */
    private static Set<String> plainValuesIn(SyncHarness sync, Set<String> plain) {
        Set<String> found = new TreeSet<>();
        List<String> tables = sync.jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA",
                String.class);
        assertThat(tables.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)))
                .contains("raw_leadfeeder__visits", "raw_leadfeeder__visit_routs", "leadfeeder_rejected_records");
        for (String table : tables) {
            List<String> text = new ArrayList<>();
            sync.jdbc.query("SELECT * FROM \"" + table + "\"", row -> {
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String value = row.getString(i);
                    if (value != null) {
                        text.add(value);
                    }
                }
            });
            for (String value : plain) {
                // a column holding it, a JSON string of it (_extra, a rejected record), or an address anywhere; a first
                // name that is also part of a city's or a company's name ("San José") is not the visitor's
                if (text.stream().anyMatch(cell -> cell.equals(value) || cell.contains("\"" + value + "\"")
                        || value.contains("@") && cell.contains(value))) {
                    found.add(table + ": " + value);
                }
            }
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "too-short"})
    void hashWithoutAKeyOfSixteenCharactersStopsAtStartNamingTheKeyButNeverItsValue(String key) {
        Map<String, String> values = Map.of(SyncSettings.PERSONAL_DATA, "hash", SyncSettings.PERSONAL_DATA_KEY, key);
        assertThatThrownBy(() -> SyncSettings.read(k -> Optional.ofNullable(values.get(k))).personalData())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("leadfeeder.personal-data-key: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.isEmpty() ? "''" : key));
    }
}
