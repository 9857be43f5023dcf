package org.leadfeedercamel.simulator;

/**
 * Random faults, drawn from their own seeded generator in request order, so a run that issues the
 * same requests meets the same faults.
 *
 * @param serverErrorRate share of requests answered 500, 502, 503 or 504
 * @param slowRate        share of requests answered after {@code slowMillis}
 * @param resetRate       share of requests whose connection is reset mid-body
 * @param truncateRate    share of requests whose body is cut short
 * @param arrivalEvery    after every this many visits pages of an account, a new visit arrives (0 = never)
 */
public record FaultSettings(long seed, double serverErrorRate, double slowRate, long slowMillis, double resetRate,
        double truncateRate, int arrivalEvery) {

    public static FaultSettings none() {
        return new FaultSettings(1L, 0, 0, 0, 0, 0, 0);
    }

    public FaultSettings {
        for (double rate : new double[] {serverErrorRate, slowRate, resetRate, truncateRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates are shares between 0 and 1, got " + rate);
            }
        }
        if (serverErrorRate + slowRate + resetRate + truncateRate > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (slowMillis < 0 || arrivalEvery < 0) {
            throw new IllegalArgumentException("slow delay and arrival interval must not be negative");
        }
    }
}
