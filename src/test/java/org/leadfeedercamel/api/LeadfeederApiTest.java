package org.leadfeedercamel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.mapping.V1RecordMapper;
import org.leadfeedercamel.run.SyncWindow;

/** The API seam as plain objects, no Camel: each generation's requests, and how its pages chain and show the cap. */
class LeadfeederApiTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9");
    private static final SyncWindow WINDOW = new SyncWindow("100001", "visits", LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30"));
    private final LeadfeederApi classic = new ClassicLeadfeederApi(BASE, 100, 10_000, new RecordMapper(new ObjectMapper()));
    private final LeadfeederApi v1 = new V1LeadfeederApi(BASE, 100, 10_000, 100_000, new V1RecordMapper(new ObjectMapper()));

    private static Map<String, Object> page(int records, Map<String, Object> paging) {
        return Map.of("data", java.util.Collections.nCopies(records, Map.of()), paging.containsKey("meta") ? "meta" : "links",
                paging.getOrDefault("meta", paging));
    }

    @Test
    void theClassicApiFollowsLinksNextAndReadsTheCapFromLinksLastOnTheFirstPage() {
        ApiRequest first = classic.firstPage(WINDOW);
        assertThat(first.url()).isEqualTo("http://127.0.0.1:9/accounts/100001/visits?start_date=2025-04-01&end_date=2025-04-30"
                + "&page%5Bnumber%5D=1&page%5Bsize%5D=100");
        assertThat(first.method()).isEqualTo("GET");

        Paging paging = classic.paging(page(100, Map.of("next", "http://127.0.0.1:9/p2",
                "last", "http://127.0.0.1:9/x?page%5Bnumber%5D=100&page%5Bsize%5D=100")), first);

        assertThat(paging.next().url()).isEqualTo("http://127.0.0.1:9/p2");
        assertThat(paging.next().page()).isEqualTo(2);
        assertThat(paging.pageCount()).isEqualTo(100);
        assertThat(paging.beyondCap()).isTrue();
        assertThat(classic.paging(page(0, Map.of("next", "http://127.0.0.1:9/p2")), first).next()).as("an empty page ends the window").isNull();
        assertThatThrownBy(() -> classic.paging(page(100, Map.of("next", "http://evil.example/p2")), first))
                .isInstanceOf(FatalApiException.class).hasMessageContaining("refusing");
    }

    @Test
    void theUnifiedApiSearchesVisitsWithAPostAndNumbersItsPagesUpToThePageCount() {
        ApiRequest first = v1.firstPage(WINDOW);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.body()).isEqualTo("{\"start_date\":\"2025-04-01\",\"end_date\":\"2025-04-30\"}");

        Paging paging = v1.paging(page(100, Map.of("meta", Map.of("pagination", Map.of("total_count", 250, "page_count", 3)))), first);

        assertThat(paging.next().url()).contains("page%5Bnum%5D=2");
        assertThat(paging.next().body()).isEqualTo(first.body());
        assertThat(paging.pageCount()).isEqualTo(3);
        assertThat(paging.beyondCap()).isFalse();
        ApiRequest third = new ApiRequest(paging.next().url(), "POST", first.body(), first.accept(), WINDOW, 3);
        assertThat(v1.paging(page(50, Map.of("meta", Map.of("pagination", Map.of("total_count", 250, "page_count", 3)))), third).next())
                .isNull();
        assertThat(v1.paging(page(100, Map.of("meta", Map.of("pagination", Map.of("total_count", 12_000)))), first).beyondCap()).isTrue();
    }

    @Test
    void eachGenerationSaysWhatItIsWithoutAnyoneAskingWhichItIs() {
        assertThat(List.of(classic.label(), v1.label())).containsExactly("classic", "v1");
        assertThat(classic.accountZone("Europe/Helsinki")).hasToString("Europe/Helsinki");
        assertThat(classic.accountZone("Mars/Olympus")).isNull();
        assertThat(v1.accountZone("Europe/Helsinki")).isEqualTo(ZoneOffset.UTC);
        assertThat(classic.monthlyQuota()).isNull();
        assertThat(v1.monthlyQuota()).isEqualTo(100_000);
    }
}
