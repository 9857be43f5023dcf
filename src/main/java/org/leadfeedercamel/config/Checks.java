package org.leadfeedercamel.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.quartz.CronExpression;

/** The checks configuration values pass: each turns the text into a typed value or fails naming the key. */
public final class Checks {

    private Checks() {
    }

    /** {@code check}, written as a value of {@code type}. */
    static <T> Field.Check<T> typed(Class<?> type, Field.Check<T> check) {
        return typed(type.getName(), check);
    }

    static <T> Field.Check<T> typed(String type, Field.Check<T> check) {
        return new Field.Check<>() {
            @Override
            public T parse(String key, String value) {
                return check.parse(key, value);
            }

            @Override
            public String valueType() {
                return type;
            }
        };
    }

    public static Field.Check<String> text() {
        return (key, value) -> value;
    }

    public static Field.Check<Integer> integer(int min, int max) {
        return typed(Integer.class, (key, value) -> {
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    throw new ConfigurationException(key, value, "is not between " + min + " and " + max);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(key, value, "is not a whole number");
            }
        });
    }

    /** A whole number of {@code unit}s between {@code min} and {@code max}. */
    public static Field.Check<Duration> duration(ChronoUnit unit, int min, int max) {
        Field.Check<Integer> number = integer(min, max);
        return typed(Integer.class, (key, value) -> Duration.of(number.parse(key, value), unit));
    }

    /** A whole number of megabytes between {@code min} and {@code max}. */
    public static Field.Check<DataSize> megabytes(int min, int max) {
        Field.Check<Integer> number = integer(min, max);
        return typed(Integer.class, (key, value) -> DataSize.ofMegabytes(number.parse(key, value)));
    }

    public static Field.Check<Boolean> bool() {
        return typed(Boolean.class, (key, value) -> {
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigurationException(key, value, "is not true or false");
            }
            return Boolean.parseBoolean(value);
        });
    }

    public static Field.Check<String> oneOf(List<String> allowed) {
        return (key, value) -> {
            if (!allowed.contains(value)) {
                throw new ConfigurationException(key, value, "is not one of " + String.join(", ", allowed));
            }
            return value;
        };
    }

    public static Field.Check<List<String>> accountIds() {
        return typed("java.util.List<java.lang.String>", (key, value) -> {
            List<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String id : ids) {
                if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                    throw new ConfigurationException(key, value, "is not a comma-separated list of account ids");
                }
            }
            return ids;
        });
    }

    /** An http(s) base URL with a host, without a trailing slash, credentials, query or fragment. */
    public static Field.Check<URI> baseUrl() {
        return (key, value) -> {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigurationException(key, value, "is not an http(s) URL with a host");
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new ConfigurationException(key, value, "must be a base URL without credentials, query or fragment");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigurationException(key, value, "is not a URL");
            }
        };
    }

    public static Field.Check<LocalDate> date() {
        return (key, value) -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(key, value, "is not a date (YYYY-MM-DD)");
            }
        };
    }

    public static Field.Check<String> cron() {
        return (key, value) -> {
            if (!CronExpression.isValidExpression(value)) {
                throw new ConfigurationException(key, value, "is not a Quartz cron expression (e.g. '0 0 * * * ?')");
            }
            return value;
        };
    }

    /** A table-name prefix: lower-case letters, digits and underscores, so it needs no quoting anywhere. */
    public static Field.Check<String> identifier() {
        return (key, value) -> {
            if (!value.matches("[a-z_][a-z0-9_]{0,39}")) {
                throw new ConfigurationException(key, value,
                        "is not a table-name prefix (lower-case letters, digits and _, at most 40, not starting with a digit)");
            }
            return value;
        };
    }

    /** A JDBC URL; whether this version has a dialect for its database is the warehouse's to say when it opens. */
    public static Field.Check<String> jdbcUrl() {
        return (key, value) -> {
            if (!value.startsWith("jdbc:")) {
                throw new ConfigurationException(key, value, "is not a JDBC URL (jdbc:h2:..., jdbc:postgresql:..., jdbc:mariadb:...)");
            }
            return value;
        };
    }
}
