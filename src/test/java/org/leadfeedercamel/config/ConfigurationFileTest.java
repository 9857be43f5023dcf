package org.leadfeedercamel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each key is described once: the shipped application.properties and the routes' placeholders follow the descriptors. */
class ConfigurationFileTest {

    @Test
    void applicationPropertiesIsWrittenFromTheKeyDescriptors() throws Exception {
        assertThat(Files.readString(Path.of("application.properties")))
                .as("application.properties is generated: run mvn -q compile exec:java -Dexec.mainClass=%s",
                        ConfigurationFile.class.getName())
                .isEqualTo(ConfigurationFile.render());
    }

    @Test
    void everyPlaceholderOfTheRoutesIsADescribedKeyWithoutADefaultOfItsOwn() throws Exception {
        Set<String> described = new HashSet<>();
        ConfigurationKeys.SECTIONS.forEach(section -> section.fields().forEach(field -> described.add(field.name())));
        Set<String> used = new HashSet<>();
        Pattern placeholder = Pattern.compile("\\{\\{([^}]+)}}");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Matcher m = placeholder.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(key).doesNotContain(":"));
        assertThat(described).containsAll(used);
    }

    @Test
    void springBootsPropertyMetadataIsWrittenFromTheKeyDescriptorsAndDescribesEveryKey() throws Exception {
        String file = Files.readString(Path.of(ConfigurationMetadata.FILE));
        assertThat(file).as("the metadata is generated: run mvn -q compile exec:java -Dexec.mainClass=%s",
                ConfigurationMetadata.class.getName()).isEqualTo(ConfigurationMetadata.render());
        com.fasterxml.jackson.databind.JsonNode properties = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file).get("properties");
        Set<String> described = new HashSet<>();
        properties.forEach(property -> {
            assertThat(property.get("description").asText()).as(property.get("name").asText()).isNotBlank();
            described.add(property.get("name").asText());
        });
        assertThat(properties.findValuesAsText("name")).contains(SyncSettings.PAGE_SIZE, SyncSettings.DB_URL);
        assertThat(properties.get(0).get("name").asText()).isEqualTo(SyncSettings.API_TOKEN);
        ConfigurationKeys.SECTIONS.forEach(section -> section.fields().stream().filter(f -> f.name().startsWith("leadfeeder."))
                .forEach(field -> assertThat(described).contains(field.name())));
        assertThat(properties.findValues("defaultValue")).anyMatch(value -> value.isInt() && value.asInt() == 100)
                .anyMatch(value -> value.isBoolean());
    }

    @Test
    void everyDefaultPassesItsOwnCheck() {
        ConfigurationKeys.SECTIONS.forEach(section -> section.fields().forEach(field -> {
            if (field.defaultValue() != null) {
                assertThat(field.check().parse(field.name(), field.defaultValue())).as(field.name()).isNotNull();
            }
        }));
    }
}
