package org.leadfeedercamel.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key, described once: its name, its default, the check that turns its text into a
 * typed value (or says in one line why it cannot), and its documentation. The start-up validation,
 * the commented {@code application.properties} and property metadata all follow from these.
 *
 * @param defaultValue the value when the key is unset or blank; null for keys without one (the credential)
 * @param doc the comment lines above the key in {@code application.properties}
 */
public record Field<T>(String name, String defaultValue, Check<T> check, List<String> doc) {

    /** Turns a key's text into its value, or throws a {@link ConfigurationException} naming the key. */
    @FunctionalInterface
    public interface Check<T> {
        T parse(String key, String value);

        /** The Java type of the text a user writes for the key (a number of milliseconds is an Integer), for property metadata. */
        default String valueType() {
            return String.class.getName();
        }
    }

    public static <T> Field<T> of(String name, String defaultValue, Check<T> check, String... doc) {
        return new Field<>(name, defaultValue, check, List.of(doc));
    }

    /** The key's value from {@code lookup}, its default when unset or blank, checked. */
    public T read(Function<String, Optional<String>> lookup) {
        String value = lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
        return value == null ? null : check.parse(name, value);
    }
}
