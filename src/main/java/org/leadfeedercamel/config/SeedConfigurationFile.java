package org.leadfeedercamel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the replaced Fivetran connector's {@code configuration.json} as it is, so users migrate without
 * rewriting it. Its keys map onto ours; {@code start_date_override} becomes the first sync's start date
 * (here it no longer overrides the state on every run: {@code backfill} re-reads a range instead).
 */
public final class SeedConfigurationFile {

    private static final Map<String, String> KEYS = Map.of(
            "LEADFEEDER_API_TOKEN", SyncSettings.API_TOKEN,
            "LEADFEEDER_ACCOUNT_ID", SyncSettings.ACCOUNT_ID,
            "LEADFEEDER_BASE_API_URL", SyncSettings.BASE_API_URL,
            "start_date_override", SyncSettings.START_DATE,
            "page_size", SyncSettings.PAGE_SIZE);

    private SeedConfigurationFile() {
    }

    /** Our property keys and values from the file; unknown keys are a configuration error. */
    public static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigurationException("--config", file.toString(), "cannot be read as JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("--config", file.toString(), "is not a JSON object");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = KEYS.get(field.getKey());
            if (key == null) {
                throw new ConfigurationException("--config " + field.getKey(), null,
                        "is not a key of the seed configuration (" + String.join(", ", KEYS.keySet()) + ")");
            }
            JsonNode value = field.getValue();
            properties.put(key, value.isNull() ? "" : value.asText());
        }
        return properties;
    }
}
