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
    void everyDefaultPassesItsOwnCheck() {
        ConfigurationKeys.SECTIONS.forEach(section -> section.fields().forEach(field -> {
            if (field.defaultValue() != null) {
                assertThat(field.check().parse(field.name(), field.defaultValue())).as(field.name()).isNotNull();
            }
        }));
    }
}
