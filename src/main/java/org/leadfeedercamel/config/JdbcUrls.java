package org.leadfeedercamel.config;

/** JDBC URLs as configuration shows them: in messages and logs, never with the password they may carry. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** A JDBC URL fit for messages: a password given in it is masked. */
    public static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
