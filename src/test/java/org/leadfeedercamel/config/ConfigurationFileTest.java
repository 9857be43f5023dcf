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
    void theRouteTemplatesReadNoPropertyOfTheContextOnlyTheirParametersAndBeans() throws Exception {
        // instances share a context: a route reading a property (leadfeeder.*) would give every instance one value
        Pattern placeholder = Pattern.compile("\\{\\{([^}]+)}}");
        Pattern parameter = Pattern.compile("(?m)^      - name: (\\w+)$");
        int templates = 0;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContain("\n- route:");
                for (String template : text.split("\n- routeTemplate:\n")) {
                    if (!template.contains("\n    route:")) {
                        continue; // the file's header
                    }
                    templates++;
                    Set<String> parameters = new HashSet<>();
                    parameter.matcher(template).results().forEach(m -> parameters.add(m.group(1)));
                    assertThat(parameters).as(template).contains("routePrefix");
                    placeholder.matcher(template).results().map(m -> m.group(1)).forEach(name -> assertThat(name).as(file.toString())
                            .matches("[a-z][A-Za-z]*") // a parameter or one of the instance's beans, never a property key
                            .satisfiesAnyOf(n -> assertThat(parameters).contains(n), n -> assertThat(text).containsAnyOf("ref: \"{{" + n + "}}\"", "\"#{{" + n + "}}\"")));
                }
            }
        }
        assertThat(templates).isEqualTo(12);
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
