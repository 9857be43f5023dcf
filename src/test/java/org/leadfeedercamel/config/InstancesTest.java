package org.leadfeedercamel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How {@code leadfeeder.instances.<id>.*} declares instances, from properties and from the environment. */
class InstancesTest {

    private static List<Instance> read(Map<String, String> values) {
        return Instances.read(key -> Optional.ofNullable(values.get(key)), values.keySet());
    }

    @Test
    void withoutInstancesThePlainKeysAreTheDefaultInstanceAsBefore() {
        List<Instance> instances = read(Map.of(SyncSettings.API_TOKEN, "tok", SyncSettings.PAGE_SIZE, "50"));

        assertThat(instances).extracting(Instance::id).containsExactly("default");
        Instance instance = instances.get(0);
        assertThat(instance.settings().api().pageSize()).isEqualTo(50);
        assertThat(instance.settings().warehouse().tablePrefix()).isEqualTo("raw_leadfeeder__");
        assertThat(instance.syncEndpoint()).isEqualTo("direct:leadfeeder-sync");
        assertThat(instance.routeId("window")).isEqualTo("leadfeeder-window");
        assertThat(instance.key(SyncSettings.PAGE_SIZE)).isEqualTo("leadfeeder.page-size");
    }

    @Test
    void anInstanceTakesThePlainKeysItDoesNotSetButNeverTheTokenAccountsOrTables() {
        List<Instance> instances = read(Map.of(SyncSettings.PAGE_SIZE, "50", SyncSettings.ACCOUNT_ID, "1",
                SyncSettings.DB_URL, "jdbc:postgresql://db/warehouse",
                "leadfeeder.instances.acme.api-token", "tok-acme", "leadfeeder.instances.acme.page-size", "20",
                "leadfeeder.instances.beta.api-token", "tok-beta", "leadfeeder.instances.beta.table-prefix", "beta_"));

        assertThat(instances).extracting(Instance::id).containsExactly("acme", "beta"); // no plain token: no default instance
        SyncSettings acme = instances.get(0).settings();
        SyncSettings beta = instances.get(1).settings();
        assertThat(acme.api().token()).isEqualTo("tok-acme");
        assertThat(acme.api().pageSize()).isEqualTo(20);
        assertThat(beta.api().pageSize()).isEqualTo(50);
        assertThat(acme.api().accountIds()).isEmpty();
        assertThat(acme.warehouse().url()).isEqualTo(beta.warehouse().url()).isEqualTo("jdbc:postgresql://db/warehouse");
        assertThat(acme.warehouse().tablePrefix()).isEqualTo("raw_leadfeeder_acme__");
        assertThat(beta.warehouse().tablePrefix()).isEqualTo("beta_");
        assertThat(instances.get(0).syncEndpoint()).isEqualTo("direct:leadfeeder-acme-sync");
        assertThat(instances.get(1).routeId("window")).isEqualTo("leadfeeder-beta-window");
    }

    @Test
    void thePlainTokenKeepsTheDefaultInstanceBesideNamedOnes() {
        assertThat(read(Map.of(SyncSettings.API_TOKEN, "tok", "leadfeeder.instances.acme.api-token", "tok-acme")))
                .extracting(Instance::id).containsExactly("default", "acme");
    }

    @Test
    void instancesAreDeclaredThroughTheEnvironmentToo() {
        Map<String, String> environment = Map.of("LEADFEEDER_INSTANCES_ACME_API_TOKEN", "tok-acme",
                "LEADFEEDER_INSTANCES_ACME_HTTP_RETRIES", "2", "LEADFEEDER_INSTANCES_NORTH_EU_API_TOKEN", "tok-north",
                "LEADFEEDER_INSTANCES_NORTH_EU_API", "v1");
        List<Instance> instances = new ConfigurationSources(new Properties(), environment).instances();

        assertThat(instances).extracting(Instance::id).containsExactly("acme", "north_eu");
        assertThat(instances.get(0).settings().http().retries()).isEqualTo(2);
        assertThat(instances.get(1).settings().api().token()).isEqualTo("tok-north");
        assertThat(instances.get(1).settings().api().generation()).isEqualTo("v1");
    }

    @Test
    void anInstanceRetriesItsWarehouseAsItsOwnKeysOrThePlainOnesSay() {
        Map<String, String> environment = Map.of("LEADFEEDER_DB_RETRY_MAX_ATTEMPTS", "9", "LEADFEEDER_DB_RETRY_MAX_DELAY_MS", "5000",
                "LEADFEEDER_INSTANCES_ACME_API_TOKEN", "tok-acme", "LEADFEEDER_INSTANCES_ACME_DB_RETRY_MAX_ATTEMPTS", "2",
                "LEADFEEDER_INSTANCES_ACME_DB_RETRY_INITIAL_DELAY_MS", "100", "LEADFEEDER_INSTANCES_BETA_API_TOKEN", "tok-beta");
        List<Instance> instances = new ConfigurationSources(new Properties(), environment).instances();

        assertThat(instances).extracting(Instance::id).containsExactly("acme", "beta");
        assertThat(instances.get(0).settings().warehouse().retry())
                .isEqualTo(new DbRetrySettings(2, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5)));
        assertThat(instances.get(1).settings().warehouse().retry())
                .isEqualTo(new DbRetrySettings(9, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5)));
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.acme.api-token", "t", "leadfeeder.instances.acme.db-retry.max-attempts", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("leadfeeder.instances.acme.db-retry.max-attempts: '0' is not between 1 and 100");
    }

    @Test
    void aBadValueOfAnInstanceNamesItsKey() {
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.acme.api-token", "t", "leadfeeder.instances.acme.page-size", "500")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("leadfeeder.instances.acme.page-size: '500' is not between 1 and 100");
        // a bad plain value it inherits is named as the plain key, where it is set
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.acme.api-token", "t", SyncSettings.PAGE_SIZE, "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("leadfeeder.page-size: '0'");
    }

    @Test
    void anInstanceWithoutItsTokenIsRefusedWithOneLine() {
        assertThatThrownBy(() -> read(Map.of(SyncSettings.API_TOKEN, "plain", "leadfeeder.instances.acme.page-size", "20")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("leadfeeder.instances.acme.api-token: (not set) is needed: instance acme is declared"
                        + " (set LEADFEEDER_INSTANCES_ACME_API_TOKEN)");
    }

    @Test
    void unknownKeysAndBadIdsAreRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.acme.api-tokn", "t")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("leadfeeder.instances.acme.api-tokn: (not set) is no instance key");
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.acme.cluster.enabled", "true")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is no instance key");
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.Acme-1.api-token", "t")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("names instance 'Acme-1'");
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.default.api-token", "t")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not 'default'");
        assertThatThrownBy(() -> new ConfigurationSources(new Properties(), Map.of("LEADFEEDER_INSTANCES_ACME_TOKEN", "t")).instances())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("LEADFEEDER_INSTANCES_ACME_TOKEN: (not set) is no instance key");
    }

    @Test
    void theCredentialNeverShowsInAnInstance() {
        Instance acme = read(Map.of("leadfeeder.instances.acme.api-token", "secret-acme-token")).get(0);
        assertThat(acme.toString()).contains("acme").doesNotContain("secret-acme-token");
    }

    @Test
    void theLargestAnswerReadIsInheritedOrSetPerInstance() {
        List<Instance> instances = read(Map.of(SyncSettings.MAX_RESPONSE, "8",
                "leadfeeder.instances.acme.api-token", "tok-acme", "leadfeeder.instances.acme.http.max-response-mb", "2",
                "leadfeeder.instances.beta.api-token", "tok-beta"));
        List<Instance> environment = new ConfigurationSources(new Properties(), Map.of("LEADFEEDER_INSTANCES_ACME_API_TOKEN", "t",
                "LEADFEEDER_INSTANCES_ACME_HTTP_MAX_RESPONSE_MB", "3")).instances();

        assertThat(instances.get(0).settings().http().maxResponse()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(instances.get(1).settings().http().maxResponse()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(instances.get(0).key(SyncSettings.MAX_RESPONSE)).isEqualTo("leadfeeder.instances.acme.http.max-response-mb");
        assertThat(environment.get(0).settings().http().maxResponse()).isEqualTo(DataSize.ofMegabytes(3));
        assertThatThrownBy(() -> read(Map.of("leadfeeder.instances.acme.api-token", "t", "leadfeeder.instances.acme.http.max-response-mb", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("leadfeeder.instances.acme.http.max-response-mb: '0' is not between 1 and 1024");
    }
}
