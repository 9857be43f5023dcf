package org.leadfeedercamel.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one JSON:API object's attributes, remembering which were read so the rest can go to
 * {@code _extra}. A value of the wrong type rejects the record; {@code ""} reads as null.
 */
final class Attributes {

    private final Map<String, Object> values;
    private final Set<String> known;
    private final ObjectMapper json;

    Attributes(Object attributes, Set<String> known, ObjectMapper json) throws RejectedRecordException {
        if (!(attributes instanceof Map<?, ?> map)) {
            throw new RejectedRecordException("attributes is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        this.values = typed;
        this.known = known;
        this.json = json;
    }

    String text(String name) throws RejectedRecordException {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            if (s.length() > Values.MAX_TEXT) {
                throw new RejectedRecordException(name + " is longer than " + Values.MAX_TEXT + " characters");
            }
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString(); // e.g. crm_lead_id, documented as string, sometimes numeric
        }
        throw new RejectedRecordException(name + " is not a string");
    }

    Integer integer(String name) throws RejectedRecordException {
        return Values.integer(name, values.get(name));
    }

    Boolean bool(String name) throws RejectedRecordException {
        return Values.bool(name, values.get(name));
    }

    LocalDate date(String name) throws RejectedRecordException {
        String value = text(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(name + " is not a date (YYYY-MM-DD)");
        }
    }

    OffsetDateTime timestamp(String name) throws RejectedRecordException {
        String value = text(name);
        try {
            return value == null ? null : Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(name + " is not an ISO-8601 UTC timestamp");
        }
    }

    /** An array, kept whole as JSON text. */
    String array(String name) throws RejectedRecordException {
        Object value = values.get(name);
        if (value == null || "".equals(value)) {
            return null;
        }
        if (!(value instanceof List<?>)) {
            throw new RejectedRecordException(name + " is not an array");
        }
        return write(value);
    }

    Object raw(String name) {
        return values.get(name);
    }

    /** The attributes nobody read, as a JSON object, or null when there are none. */
    String extra() throws RejectedRecordException {
        Map<String, Object> rest = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!known.contains(key)) {
                rest.put(key, value);
            }
        });
        return rest.isEmpty() ? null : write(rest);
    }

    /** JSON text of a value, within the size and depth a warehouse column takes. */
    String write(Object value) throws RejectedRecordException {
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JsonProcessingException | StackOverflowError e) {
            throw new RejectedRecordException("a value is nested too deeply to store as JSON");
        }
        if (text.length() > Values.MAX_TEXT) {
            throw new RejectedRecordException("a JSON value is longer than " + Values.MAX_TEXT + " characters");
        }
        return text;
    }
}
