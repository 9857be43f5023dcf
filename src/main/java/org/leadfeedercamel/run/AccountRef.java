package org.leadfeedercamel.run;

import java.time.ZoneId;

/** An account to sync and the timezone its dates are in. */
public record AccountRef(String id, ZoneId zone) {
}
