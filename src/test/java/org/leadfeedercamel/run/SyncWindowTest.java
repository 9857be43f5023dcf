package org.leadfeedercamel.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A window's parts cover it exactly, oldest first, as equal in days as they can be, at most one a day. */
class SyncWindowTest {

    private static final LocalDate FROM = LocalDate.parse("2025-01-01");

    @ParameterizedTest
    @CsvSource({"5,2,2 3", "10,3,3 3 4", "365,7,52 52 52 52 52 52 53", "5,20,1 1 1 1 1", "1,2,1"})
    void partsCoverTheWindowInEqualDays(int days, int n, String expectedDays) {
        SyncWindow window = new SyncWindow("100001", "leads", FROM, FROM.plusDays(days - 1L));

        List<SyncWindow> parts = window.parts(n);

        assertThat(parts).extracting(SyncWindow::days).map(String::valueOf).containsExactly(expectedDays.split(" "));
        assertThat(parts.get(0).from()).isEqualTo(window.from());
        assertThat(parts.get(parts.size() - 1).to()).isEqualTo(window.to());
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i).from()).as("no gap, no overlap").isEqualTo(parts.get(i - 1).to().plusDays(1));
        }
        assertThat(parts).allSatisfy(part -> assertThat(part.accountId() + part.stream()).isEqualTo("100001leads"));
    }
}
