package org.leadfeedercamel.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Finds the credential a request gave among the configured ones, in constant time per comparison. */
final class Credentials {

    private Credentials() {
    }

    /** The known credential equal to {@code given}, or null. */
    static String match(String given, Iterable<String> known) {
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        for (String candidate : known) {
            if (MessageDigest.isEqual(bytes, candidate.getBytes(StandardCharsets.UTF_8))) {
                return candidate;
            }
        }
        return null;
    }
}
