package org.leadfeedercamel.config;

/** A configuration value that cannot be used; its message is one line naming the key and the value. */
public final class ConfigurationException extends RuntimeException {

    private final String key;
    private final String value;
    private final String problem;

    public ConfigurationException(String key, String value, String problem) {
        super(key + ": " + (value == null ? "(not set)" : "'" + value + "'") + " " + problem);
        this.key = key;
        this.value = value;
        this.problem = problem;
    }

    /** The same problem, said of the key it was really read from (an instance's key for a plain one). */
    public ConfigurationException of(String readFrom) {
        return new ConfigurationException(readFrom, value, problem);
    }

    public String key() {
        return key;
    }
}
