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
    void aClassicNextThatDoesNotLeadOnwardsIsRefusedNamingItsUrlWithoutCredentials() {
        ApiRequest first = classic.firstPage(WINDOW);
        String pageOne = "http://127.0.0.1:9/accounts/100001/visits?page%5Bnumber%5D=1&page%5Bsize%5D=100&token=their-secret";
        ApiRequest second = classic.paging(page(100, Map.of("next", "http://127.0.0.1:9/a?page%5Bnumber%5D=2")), first).next();

        assertThatThrownBy(() -> classic.paging(page(100, Map.of("next", pageOne)), first)).isInstanceOf(BrokenPagingException.class)
                .hasMessage("Broken paging from Leadfeeder: links.next repeats page 1 (http://127.0.0.1:9/accounts/100001/visits?"
                        + "page%5Bnumber%5D=1&page%5Bsize%5D=100&token=***); this window's pages would never end");
        assertThatThrownBy(() -> classic.paging(page(100, Map.of("next", "http://user:pw@127.0.0.1:9/a?page%5Bnumber%5D=1")), second))
                .isInstanceOf(BrokenPagingException.class).hasMessageContaining("goes back to page 1 from page 2 (http://***@127.0.0.1:9/a?")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> classic.paging(page(100, Map.of("next", "http://127.0.0.1:9/a?page%5Bnumber%5D=3",
                "last", "http://127.0.0.1:9/a?page%5Bnumber%5D=2&page%5Bsize%5D=100")), second))
                .isInstanceOf(BrokenPagingException.class).hasMessageContaining("links.next points to page 3, past page 2 that links.last names");
        assertThat(classic.paging(page(100, Map.of("next", "http://127.0.0.1:9/a?page%5Bnumber%5D=3",
                "last", "http://127.0.0.1:9/a?page%5Bnumber%5D=3&page%5Bsize%5D=100")), second).next().page()).isEqualTo(3);
    }

    @Test
    void aClassicWindowReadsNoMorePagesThanTheCapFillsAndOneMore() {
        LeadfeederApi capped = new ClassicLeadfeederApi(BASE, 100, 250, new RecordMapper(new ObjectMapper()));
        ApiRequest request = capped.firstPage(WINDOW);
        for (int page = 1; page < 4; page++) {
            request = capped.paging(page(100, Map.of("next", "http://127.0.0.1:9/opaque-" + page)), request).next();
        }
        ApiRequest fourth = request;

        assertThat(fourth.page()).isEqualTo(4);
        assertThatThrownBy(() -> capped.paging(page(100, Map.of("next", "http://127.0.0.1:9/opaque-4")), fourth))
                .isInstanceOf(BrokenPagingException.class)
                .hasMessage("Broken paging from Leadfeeder: links.next leads on after 4 pages (http://127.0.0.1:9/opaque-4), more than "
                        + "250 results at 100 a page can fill; this window's pages would never end");
        assertThat(capped.paging(page(0, Map.of("next", "http://127.0.0.1:9/opaque-4")), fourth).next()).isNull();
    }

    @Test
    void aUnifiedPageAnsweredUnderAnotherNumberThanAskedIsRefused() {
        ApiRequest first = v1.firstPage(WINDOW);
        ApiRequest second = v1.paging(page(100, pagination(1, 5)), first).next();

        assertThatThrownBy(() -> v1.paging(page(100, pagination(1, 5)), second)).isInstanceOf(BrokenPagingException.class)
                .hasMessageStartingWith("Broken paging from Leadfeeder: page 1 answered to a request for page 2 (http://127.0.0.1:9/v1/web-visits?")
                .hasMessageEndingWith("the API repeats pages instead of moving on");
        assertThatThrownBy(() -> v1.paging(page(100, pagination(6, 5)), second)).isInstanceOf(BrokenPagingException.class)
                .hasMessage("Broken paging from Leadfeeder: page 6 answered to a request for page 2 (" + second.url() + "): the API skips pages");
        assertThat(v1.paging(page(100, pagination(2, 5)), second).next().page()).isEqualTo(3);
        assertThat(v1.paging(page(100, Map.of("meta", Map.of("pagination", Map.of("page_count", 5)))), second).next().page())
                .as("a page without page_num is taken as the one asked").isEqualTo(3);
    }

    @Test
    void aUnifiedWindowEndsAtThePagesTheCapFillsWhateverThePagesSay() {
        LeadfeederApi capped = new V1LeadfeederApi(BASE, 100, 250, 100_000, new V1RecordMapper(new ObjectMapper()));
        ApiRequest request = capped.firstPage(WINDOW);
        int read = 0;
        while (request != null && read < 10) {
            read++;
            request = capped.paging(page(100, Map.of("meta", Map.of("pagination", Map.of("page_num", read, "page_count", 1_000 * read)))),
                    request).next();
        }

        assertThat(read).isEqualTo(3);
    }

    private static Map<String, Object> pagination(int pageNum, int pageCount) {
        return Map.of("meta", Map.of("pagination", Map.of("page_num", pageNum, "page_count", pageCount, "total_count", pageCount * 100)));
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
