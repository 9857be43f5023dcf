package com.example.estate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The estate's own table (its Flyway migration V1), written by its own route. */
@Component("nightlyLog")
public class NightlyLog {

    private final JdbcTemplate jdbc;

    public NightlyLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String record(String outcome) {
        jdbc.update("INSERT INTO estate_nightly_runs (outcome) VALUES (?)", outcome);
        return outcome;
    }
}
