package org.leadfeedercamel.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Wire formats shared by the simulator's documents. */
public final class SimFormats {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SimFormats() {
    }

    /** `started_at` as the API writes it: UTC, milliseconds, `Z`. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
