package org.leadfeedercamel.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What becomes of the values that identify a person ({@code leadfeeder.personal-data}): the classic
 * API's {@code visitor_email}, {@code visitor_first_name} and {@code visitor_last_name}, and every value
 * of the {@code /v1} {@code visitor} block. Kept; hashed with a keyed SHA-256 (HMAC, hex), so equal
 * values stay joinable and none can be found again by hashing a list of guesses without the key; or
 * dropped (null). Applied to a record as it comes off the page, before it is mapped, so its columns, its
 * {@code _extra} and the raw JSON kept of a rejected record all follow the same policy.
 */
public final class PersonalData {

    /** The policies, as {@code leadfeeder.personal-data} names them. */
    public enum Mode {
        KEEP, HASH, DROP
    }

    /** The classic API's visit attributes that identify a person. */
    private static final List<String> CLASSIC_VISIT_ATTRIBUTES = List.of("visitor_email", "visitor_first_name", "visitor_last_name");
    /** The {@code /v1} visit attribute whose every value identifies a person. */
    private static final String V1_VISITOR = "visitor";

    private static final String ALGORITHM = "HmacSHA256";
    private static final PersonalData KEEP = new PersonalData(Mode.KEEP, null);

    private final Mode mode;
    private final SecretKeySpec key;
    private final ObjectMapper json = new ObjectMapper();

    private PersonalData(Mode mode, SecretKeySpec key) {
        this.mode = mode;
        this.key = key;
    }

    /** Every value as the API sent it. */
    public static PersonalData keep() {
        return KEEP;
    }

    /** The policy {@code mode}; {@code hash} needs the user's {@code key}. */
    public static PersonalData of(Mode mode, String key) {
        if (mode == Mode.HASH && (key == null || key.isEmpty())) {
            throw new IllegalArgumentException("hashing personal data needs a key");
        }
        return mode == Mode.KEEP ? KEEP : new PersonalData(mode, mode == Mode.HASH
                ? new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM) : null);
    }

    /** Applies the policy to a classic visit record's {@code visitor_*} attributes, in place. */
    void classicVisit(Map<String, Object> record) {
        if (mode != Mode.KEEP && record.get("attributes") instanceof Map<?, ?> attributes) {
            CLASSIC_VISIT_ATTRIBUTES.forEach(name -> replace(attributes, name));
        }
    }

    /** Applies the policy to every value of a {@code /v1} visit record's {@code visitor} block, in place. */
    void v1Visit(Map<String, Object> record) {
        if (mode == Mode.KEEP || !(record.get("attributes") instanceof Map<?, ?> attributes)) {
            return;
        }
        if (attributes.get(V1_VISITOR) instanceof Map<?, ?> visitor) {
            List.copyOf(visitor.keySet()).forEach(name -> replace(visitor, name));
        } else {
            replace(attributes, V1_VISITOR); // not the object it should be: whatever it is goes the same way
        }
    }

    @SuppressWarnings("unchecked")
    private void replace(Map<?, ?> values, Object name) {
        if (values.containsKey(name)) {
            ((Map<Object, Object>) values).put(name, apply(values.get(name)));
        }
    }

    /** A value under the policy: null stays null; a value that is not text is hashed as its JSON. */
    String apply(Object value) {
        if (value == null || mode == Mode.DROP) {
            return null;
        }
        String text = value instanceof String s ? s : asJson(value);
        if (text.isEmpty()) {
            return null; // read as null either way
        }
        return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
