package org.leadfeedercamel.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where a configuration key's value comes from, in Camel's order of precedence so the settings and the
 * routes' placeholders agree: explicit overrides ({@code --config}), then {@code -D} system properties,
 * then environment variables ({@code leadfeeder.page-size} → {@code LEADFEEDER_PAGE_SIZE}), then
 * {@code application.properties} on the classpath.
 */
public final class ConfigurationSources implements Function<String, Optional<String>> {

    private final Properties file = new Properties();
    private final Properties overrides;
    private final Map<String, String> environment;

    public ConfigurationSources(Properties overrides, Map<String, String> environment) {
        this.overrides = overrides;
        this.environment = environment;
        try (InputStream in = ConfigurationSources.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
    }

    /** The names of every key the sources hold (property names, and environment variable names), where instances are declared. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(overrides.stringPropertyNames());
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(environment.keySet());
        names.addAll(file.stringPropertyNames());
        return names;
    }

    /** Camel's own keys that only the environment sets, for Camel Main (see {@link CamelEnvironment}). */
    public Properties camelEnvironment() {
        Set<String> known = new TreeSet<>(file.stringPropertyNames());
        known.addAll(overrides.stringPropertyNames());
        return CamelEnvironment.properties(environment, known, overrides);
    }

    /** The instances the sources configure (see {@link Instances}). */
    public List<Instance> instances() {
        return Instances.read(this, names());
    }

    @Override
    public Optional<String> apply(String key) {
        String value = overrides.getProperty(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return Optional.ofNullable(value);
    }
}
