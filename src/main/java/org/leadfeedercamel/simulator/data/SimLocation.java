package org.leadfeedercamel.simulator.data;

/** A `locations` resource, served in `included` blocks. Optional fields may be null or "". */
public record SimLocation(
        String id,
        String country,
        String countryCode,
        String region,
        String regionCode,
        String city,
        String stateCode) {
}
