package org.leadfeedercamel.config;

import java.util.List;

/**
 * What becomes of the values that identify a person ({@code leadfeeder.personal-data}): {@code keep},
 * {@code hash} with the user's secret {@code key} ({@code leadfeeder.personal-data-key}), or
 * {@code drop}. The key is never printed.
 */
public record PersonalDataSettings(String mode, String key) {

    public static final List<String> MODES = List.of("keep", "hash", "drop");
    /** A shorter secret is too easily guessed for a keyed hash to keep anyone from reversing it. */
    public static final int MIN_KEY_LENGTH = 16;

    /** {@code hash} needs a key of at least {@link #MIN_KEY_LENGTH} characters; one line naming the key otherwise. */
    public PersonalDataSettings {
        if ("hash".equals(mode)) {
            if (key == null || key.isBlank()) {
                throw new ConfigurationException(SyncSettings.PERSONAL_DATA_KEY, null, "is needed with "
                        + SyncSettings.PERSONAL_DATA + "=hash: a secret of yours that keys the hash (set LEADFEEDER_PERSONAL_DATA_KEY)");
            }
            if (key.length() < MIN_KEY_LENGTH) {
                throw new ConfigurationException(SyncSettings.PERSONAL_DATA_KEY, "***", "is shorter than " + MIN_KEY_LENGTH
                        + " characters: a short secret can be guessed, and the hashes with it");
            }
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "PersonalDataSettings[mode=" + mode + ", key=" + (key == null ? "(not set)" : "***") + "]";
    }
}
