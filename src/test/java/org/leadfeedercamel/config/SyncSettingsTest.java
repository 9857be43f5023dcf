package org.leadfeedercamel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every key is checked at start, and application.properties documents exactly the defaults the code applies. */
class SyncSettingsTest {

    private static SyncSettings read(Map<String, String> values) {
        return SyncSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void applicationPropertiesStatesTheDefaults() throws Exception {
        Properties file = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            file.load(in);
        }
        Map<String, String> fromFile = new java.util.HashMap<>();
        file.forEach((k, v) -> fromFile.put((String) k, (String) v));

        assertThat(read(fromFile)).isEqualTo(read(Map.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "leadfeeder.page-size|0|leadfeeder.page-size: '0' is not between 1 and 100",
        "leadfeeder.page-size|ten|leadfeeder.page-size: 'ten' is not a whole number",
        "leadfeeder.start-date|2024-13-01|leadfeeder.start-date: '2024-13-01' is not a date (YYYY-MM-DD)",
        "leadfeeder.lookback-days|-1|leadfeeder.lookback-days: '-1' is not between 0 and 366",
        "leadfeeder.schedule|every hour|leadfeeder.schedule: 'every hour' is not a Quartz cron expression (e.g. '0 0 * * * ?')",
        "leadfeeder.base-api-url|ftp://api.leadfeeder.com|leadfeeder.base-api-url: 'ftp://api.leadfeeder.com' is not an http(s) URL with a host",
        "leadfeeder.base-api-url|https://user:pw@api.leadfeeder.com|leadfeeder.base-api-url: 'https://user:pw@api.leadfeeder.com' must be a base URL without credentials, query or fragment",
        "leadfeeder.db-url|postgres://localhost/x|leadfeeder.db-url: 'postgres://localhost/x' is not a JDBC URL (jdbc:h2:..., jdbc:postgresql:..., jdbc:mariadb:...)",
        "leadfeeder.account-id|12; DROP TABLE x|leadfeeder.account-id: '12; DROP TABLE x' is not a comma-separated list of account ids",
        "leadfeeder.db-retry.max-attempts|0|leadfeeder.db-retry.max-attempts: '0' is not between 1 and 100",
        "leadfeeder.db-retry.initial-delay-ms|soon|leadfeeder.db-retry.initial-delay-ms: 'soon' is not a whole number",
        "leadfeeder.http.max-response-mb|0|leadfeeder.http.max-response-mb: '0' is not between 1 and 1024",
        "leadfeeder.http.max-response-mb|64MB|leadfeeder.http.max-response-mb: '64MB' is not a whole number",
    })
    void aBadValueIsOneLineNamingTheKeyAndTheValue(String key, String value, String message) {
        assertThatThrownBy(() -> read(Map.of(key, value))).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void aWarehouseStepThatLostItsConnectionIsTriedSixTimesOverAboutThirtySecondsByDefault() {
        assertThat(read(Map.of()).warehouse().retry()).isEqualTo(new DbRetrySettings(6, Duration.ofSeconds(1), Duration.ofSeconds(15)));
        assertThat(read(Map.of(SyncSettings.DB_RETRY_MAX_ATTEMPTS, "3", SyncSettings.DB_RETRY_INITIAL_DELAY, "250",
                SyncSettings.DB_RETRY_MAX_DELAY, "2000")).warehouse().retry())
                .isEqualTo(new DbRetrySettings(3, Duration.ofMillis(250), Duration.ofSeconds(2)));
    }

    @Test
    void theTokenAndPasswordNeverShowInItsDescription() {
        SyncSettings settings = read(Map.of(SyncSettings.API_TOKEN, "s3cr3t-token", SyncSettings.DB_PASSWORD, "s3cr3t-password",
                SyncSettings.ACCOUNT_ID, "100001, 100002"));

        assertThat(settings.toString()).doesNotContain("s3cr3t");
        assertThat(settings.api().accountIds()).containsExactly("100001", "100002");
        assertThat(settings.demo()).isFalse();
        assertThat(read(Map.of()).demo()).isTrue();
    }

    @Test
    void theLargestAnswerReadIs32MegabytesUnlessSet() {
        assertThat(read(Map.of()).http().maxResponse()).isEqualTo(DataSize.ofMegabytes(32)).hasToString("32 MB");
        assertThat(read(Map.of(SyncSettings.MAX_RESPONSE, "200")).http().maxResponse().bytes()).isEqualTo(200L * 1024 * 1024);
    }
}
