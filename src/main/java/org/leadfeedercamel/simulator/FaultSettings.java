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
 * @param oversizedRate   share of requests answered with a body padded to {@code oversizedBytes} ({@link Fault#OVERSIZED})
 * @param oversizedBytes  how large an oversized body is, scripted ones included
 */
public record FaultSettings(long seed, double serverErrorRate, double slowRate, long slowMillis, double resetRate,
        double truncateRate, int arrivalEvery, double oversizedRate, long oversizedBytes) {

    /** An oversized body's size unless set: the 400 MB chunked body users met. */
    public static final long DEFAULT_OVERSIZED_BYTES = 400L * 1024 * 1024;

    public static FaultSettings none() {
        return new FaultSettings(1L, 0, 0, 0, 0, 0, 0);
    }

    /** The faults without oversized bodies but scripted ones, which are {@link #DEFAULT_OVERSIZED_BYTES} large. */
    public FaultSettings(long seed, double serverErrorRate, double slowRate, long slowMillis, double resetRate,
            double truncateRate, int arrivalEvery) {
        this(seed, serverErrorRate, slowRate, slowMillis, resetRate, truncateRate, arrivalEvery, 0, DEFAULT_OVERSIZED_BYTES);
    }

    public FaultSettings {
        for (double rate : new double[] {serverErrorRate, slowRate, resetRate, truncateRate, oversizedRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates are shares between 0 and 1, got " + rate);
            }
        }
        if (serverErrorRate + slowRate + resetRate + truncateRate + oversizedRate > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (slowMillis < 0 || arrivalEvery < 0) {
            throw new IllegalArgumentException("slow delay and arrival interval must not be negative");
        }
        if (oversizedBytes < 1) {
            throw new IllegalArgumentException("an oversized body must be at least 1 byte");
        }
    }

    /** The same faults with oversized bodies of {@code bytes}. */
    public FaultSettings withOversizedBytes(long bytes) {
        return new FaultSettings(seed, serverErrorRate, slowRate, slowMillis, resetRate, truncateRate, arrivalEvery, oversizedRate, bytes);
    }
}
