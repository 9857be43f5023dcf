package org.leadfeedercamel.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Conversions of parsed JSON values that more than one mapping needs. */
final class Values {

    /** The longest text a column is given (H2's VARCHAR holds 1,048,576); longer records are rejected, kept whole. */
    static final int MAX_TEXT = 1_000_000;

    /** A whole number written as a string ({@code "12"}), as some API versions send counts. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,10}");

    private Values() {
    }

    static Integer integer(String name, Object value) throws RejectedRecordException {
        if (value == null || "".equals(value)) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof String s && WHOLE_NUMBER.matcher(s).matches()) {
            long number = Long.parseLong(s);
            if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal
                || value instanceof Double || value instanceof Float) {
            Number n = (Number) value;
            double d = n.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return n.intValue();
            }
        }
        throw new RejectedRecordException(name + " is not a whole number");
    }

    /** A boolean, or one written as the string {@code "true"} or {@code "false"}; {@code ""} reads as null. */
    static Boolean bool(String name, Object value) throws RejectedRecordException {
        if (value == null || "".equals(value)) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        throw new RejectedRecordException(name + " is not a boolean");
    }

    /** A string; {@code ""} reads as null. */
    static String text(String name, Object value) throws RejectedRecordException {
        if (value == null || "".equals(value)) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new RejectedRecordException(name + " is not a string");
        }
        if (s.length() > MAX_TEXT) {
            throw new RejectedRecordException(name + " is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }

    /** An id: a non-empty string, or a number (ids are opaque strings). */
    static String id(String name, Object value) throws RejectedRecordException {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        throw new RejectedRecordException(value == null || "".equals(value) ? "missing " + name : name + " is not a string");
    }
}
