package org.leadfeedercamel.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot's configuration metadata for the {@code leadfeeder.*} keys
 * ({@code META-INF/spring-configuration-metadata.json}: name, type, default, description per key), written
 * from the same descriptors as {@code application.properties}, so an IDE completes and explains the keys in
 * a Boot host's {@code application.properties}. A key without comment lines of its own is described by the
 * key before it in its section, as the file comments them together. {@code main} rewrites the file; a test
 * keeps it equal.
 */
public final class ConfigurationMetadata {

    static final String FILE = "src/main/resources/META-INF/spring-configuration-metadata.json";

    private ConfigurationMetadata() {
    }

    public static String render() {
        List<Map<String, Object>> properties = new ArrayList<>();
        for (ConfigurationKeys.Section section : ConfigurationKeys.SECTIONS) {
            List<String> doc = List.of();
            for (Field<?> field : section.fields()) {
                doc = field.doc().isEmpty() ? doc : field.doc();
                if (!field.name().startsWith("leadfeeder.")) {
                    continue; // Camel's own keys: camel-spring-boot describes them
                }
                Map<String, Object> property = new LinkedHashMap<>();
                property.put("name", field.name());
                property.put("type", field.check().valueType());
                property.put("description", String.join(" ", doc));
                property.put("sourceType", SyncSettings.class.getName());
                if (field.defaultValue() != null && !field.defaultValue().isEmpty()) {
                    property.put("defaultValue", typed(field));
                }
                properties.add(property);
            }
        }
        Map<String, Object> instances = new LinkedHashMap<>();
        instances.put("name", "leadfeeder.instances");
        instances.put("type", "java.util.Map<java.lang.String,java.lang.String>");
        instances.put("description", "Named instances: leadfeeder.instances.<id>.<key> takes each key above without 'leadfeeder.'"
                + " (e.g. leadfeeder.instances.acme.api-token); a key an instance does not set is the plain key's, except its"
                + " api-token, account-id and table-prefix (raw_leadfeeder_<id>__ by default).");
        instances.put("sourceType", Instances.class.getName());
        properties.add(instances);
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "leadfeeder");
        group.put("type", SyncSettings.class.getName());
        group.put("description", "The Leadfeeder sync: the API and what to read, HTTP, the warehouse, the schedule, operations.");
        metadata.put("groups", List.of(group));
        metadata.put("properties", properties);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(metadata) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default as the JSON type the key's text is: numbers and booleans unquoted. */
    private static Object typed(Field<?> field) {
        return switch (field.check().valueType()) {
            case "java.lang.Integer" -> Integer.valueOf(field.defaultValue());
            case "java.lang.Boolean" -> Boolean.valueOf(field.defaultValue());
            default -> field.defaultValue();
        };
    }

    /** Writes the file, by default {@value #FILE} below the working directory. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }
}
