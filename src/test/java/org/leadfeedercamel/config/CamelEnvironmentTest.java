package org.leadfeedercamel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Camel's keys from a container's environment: named as Camel knows them, below -D and --config, none of what Camel reads itself. */
class CamelEnvironmentTest {

    @Test
    void camelKeysFromTheEnvironmentTakeTheSpellingOfTheKnownKeys() {
        Properties keys = CamelEnvironment.properties(Map.of("CAMEL_MANAGEMENT_PORT", "9000",
                "CAMEL_MANAGEMENT_HEALTH_CHECK_ENABLED", "false", "CAMEL_MANAGEMENT_HEALTH_PATH", "/healthz",
                "CAMEL_MAIN_SHUTDOWN_TIMEOUT", "3", "PATH", "/usr/bin", "LEADFEEDER_PAGE_SIZE", "50"),
                Set.of("camel.management.port", "camel.management.healthCheckEnabled"), new Properties());

        assertThat(keys).containsOnly(Map.entry("camel.management.port", "9000"),
                Map.entry("camel.management.healthCheckEnabled", "false"),
                Map.entry("camel.management.health-path", "/healthz")); // CAMEL_MAIN_* is Camel Main's own to read
    }

    @Test
    void dashDAndTheConfigFileKeepTheirKeys() {
        Properties fromConfigFile = new Properties();
        fromConfigFile.setProperty("camel.management.host", "10.0.0.1");
        System.setProperty("camel.management.port", "9100");
        try {
            Properties keys = CamelEnvironment.properties(Map.of("CAMEL_MANAGEMENT_PORT", "9000", "CAMEL_MANAGEMENT_HOST", "0.0.0.0"),
                    Set.of("camel.management.port", "camel.management.host"), fromConfigFile);
            assertThat(keys).isEmpty();
        } finally {
            System.clearProperty("camel.management.port");
        }
    }
}
