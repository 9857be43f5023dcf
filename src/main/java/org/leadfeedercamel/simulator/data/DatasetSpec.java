package org.leadfeedercamel.simulator.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Parameters of a generated dataset. The same spec (and, for a relative date range, the same day)
 * always yields the same data.
 *
 * @param seed                 root of every random choice
 * @param timezones            one account per entry, in this order
 * @param nonPremiumAccounts   account ids whose plan lacks API data: their leads and visits answer 402
 * @param from                 first day (account-local) of an absolute range, or null for a relative one
 * @param to                   last day (account-local) of an absolute range, or null for a relative one
 * @param relativeDays         length of a relative range that ends on each account's local today
 * @param visitsPerAccount     visits spread over the range of each account (busy days come on top)
 * @param companiesPerAccount  distinct visiting companies (leads) per account
 * @param spread               day-to-day unevenness: sigma of the log-normal factor on each day's share
 * @param busyDaysPerAccount   days per account that get {@code busyDayVisits}, to exceed the 10,000 cap
 * @param busyDayVisits        visits on each busy day
 */
public record DatasetSpec(
        long seed,
        List<ZoneId> timezones,
        Set<String> nonPremiumAccounts,
        LocalDate from,
        LocalDate to,
        int relativeDays,
        long visitsPerAccount,
        int companiesPerAccount,
        double spread,
        int busyDaysPerAccount,
        int busyDayVisits) {

    public static final long DEFAULT_SEED = 42L;

    public DatasetSpec {
        timezones = List.copyOf(timezones);
        nonPremiumAccounts = Set.copyOf(nonPremiumAccounts);
        if (timezones.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one account (timezone)");
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("an absolute date range needs both from and to");
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("date range from " + from + " is after to " + to);
        }
        if (from == null && relativeDays < 1) {
            throw new IllegalArgumentException("relative date range must be at least 1 day, was " + relativeDays);
        }
        if (visitsPerAccount < 0 || companiesPerAccount < 1 || busyDaysPerAccount < 0 || busyDayVisits < 0 || spread < 0) {
            throw new IllegalArgumentException("dataset sizes must not be negative and need at least one company");
        }
    }

    /** The demo dataset: two accounts on opposite sides of the world, the last 30 days, 2,000 visits each. */
    public static DatasetSpec defaults() {
        return new DatasetSpec(DEFAULT_SEED, List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles")),
                Set.of(), null, null, 30, 2_000, 150, 0.5, 0, 12_000);
    }

    public DatasetSpec withSeed(long value) {
        return new DatasetSpec(value, timezones, nonPremiumAccounts, from, to, relativeDays, visitsPerAccount,
                companiesPerAccount, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withTimezones(List<ZoneId> value) {
        return new DatasetSpec(seed, value, nonPremiumAccounts, from, to, relativeDays, visitsPerAccount,
                companiesPerAccount, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withNonPremiumAccounts(Set<String> value) {
        return new DatasetSpec(seed, timezones, value, from, to, relativeDays, visitsPerAccount,
                companiesPerAccount, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withRange(LocalDate first, LocalDate last) {
        return new DatasetSpec(seed, timezones, nonPremiumAccounts, first, last, relativeDays, visitsPerAccount,
                companiesPerAccount, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withRelativeDays(int days) {
        return new DatasetSpec(seed, timezones, nonPremiumAccounts, null, null, days, visitsPerAccount,
                companiesPerAccount, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withVisitsPerAccount(long value) {
        return new DatasetSpec(seed, timezones, nonPremiumAccounts, from, to, relativeDays, value,
                companiesPerAccount, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withCompaniesPerAccount(int value) {
        return new DatasetSpec(seed, timezones, nonPremiumAccounts, from, to, relativeDays, visitsPerAccount,
                value, spread, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withSpread(double value) {
        return new DatasetSpec(seed, timezones, nonPremiumAccounts, from, to, relativeDays, visitsPerAccount,
                companiesPerAccount, value, busyDaysPerAccount, busyDayVisits);
    }

    public DatasetSpec withBusyDays(int days, int visitsEach) {
        return new DatasetSpec(seed, timezones, nonPremiumAccounts, from, to, relativeDays, visitsPerAccount,
                companiesPerAccount, spread, days, visitsEach);
    }
}
