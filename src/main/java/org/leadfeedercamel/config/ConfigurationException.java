package org.leadfeedercamel.config;

/** A configuration value that cannot be used; its message is one line naming the key and the value. */
public final class ConfigurationException extends RuntimeException {

    private final String key;

    public ConfigurationException(String key, String value, String problem) {
        super(key + ": " + (value == null ? "(not set)" : "'" + value + "'") + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
