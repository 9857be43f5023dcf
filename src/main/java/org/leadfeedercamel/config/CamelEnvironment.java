package org.leadfeedercamel.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Camel's own keys from environment variables, as containers set them: {@code CAMEL_MANAGEMENT_PORT=9000}
 * is {@code camel.management.port}. Camel Main reads only some groups from the environment itself
 * ({@code CAMEL_MAIN_*}, {@code CAMEL_COMPONENT_*}, ...); this gives it the others, at the precedence an
 * environment variable has: below {@code -D} and {@code --config}, above {@code application.properties}.
 */
public final class CamelEnvironment {

    /** The groups Camel Main already reads from the environment. */
    private static final List<String> CAMEL_READS = List.of("CAMEL_MAIN_", "CAMEL_COMPONENT_", "CAMEL_DATAFORMAT_", "CAMEL_LANGUAGE_");

    private CamelEnvironment() {
    }

    /**
     * The keys of {@code environment}'s {@code CAMEL_*} variables that Camel Main would miss: named as a
     * key of {@code known} when one matches (case, dots and dashes aside: {@code CAMEL_MANAGEMENT_HEALTH_CHECK_ENABLED}
     * is {@code camel.management.healthCheckEnabled}), else {@code camel.<group>.<option-in-dashes>}.
     * Keys set by {@code -D} or in {@code taken} stay theirs.
     */
    public static Properties properties(Map<String, String> environment, Set<String> known, Properties taken) {
        Properties keys = new Properties();
        environment.forEach((name, value) -> {
            if (!name.startsWith("CAMEL_") || CAMEL_READS.stream().anyMatch(name::startsWith)) {
                return;
            }
            String key = known.stream().filter(candidate -> squashed(candidate).equals(squashed(name))).findFirst()
                    .orElseGet(() -> dashed(name));
            if (System.getProperty(key) == null && !taken.containsKey(key)) {
                keys.setProperty(key, value);
            }
        });
        return keys;
    }

    private static String squashed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** {@code CAMEL_MANAGEMENT_HEALTH_PATH} → {@code camel.management.health-path}. */
    private static String dashed(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split("_", 3);
        return parts.length < 3 ? String.join(".", parts) : parts[0] + "." + parts[1] + "." + parts[2].replace('_', '-');
    }
}
