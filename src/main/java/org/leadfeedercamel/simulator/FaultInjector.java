package org.leadfeedercamel.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

/**
 * Decides which fault, if any, the next request meets: first the faults a test scripted, in order,
 * then the one set to meet every request from then on (a server that always lies the same way), if
 * any, else the seeded random ones of {@link FaultSettings}.
 */
public final class FaultInjector {

    private static final Fault[] SERVER_ERRORS = {Fault.SERVER_ERROR, Fault.BAD_GATEWAY, Fault.SERVICE_UNAVAILABLE,
        Fault.GATEWAY_TIMEOUT};

    private final FaultSettings settings;
    private final int unavailableRetryAfterSeconds;
    private final Random random;
    /** Scripted outcomes in order; an empty Optional lets one request pass untouched. */
    private final Deque<Optional<Fault>> scripted = new ArrayDeque<>();
    private Fault always;

    FaultInjector(FaultSettings settings, int unavailableRetryAfterSeconds) {
        this.settings = settings;
        this.unavailableRetryAfterSeconds = unavailableRetryAfterSeconds;
        this.random = new Random(settings.seed());
    }

    public FaultSettings settings() {
        return settings;
    }

    /** The Retry-After a 503 carries, in seconds; 0 for none. */
    int unavailableRetryAfterSeconds() {
        return unavailableRetryAfterSeconds;
    }

    /** The next {@code times} requests that reach the fault stage meet {@code fault}. */
    public synchronized void injectNext(Fault fault, int times) {
        injectAfter(0, fault, times);
    }

    /** After {@code passing} more requests go through untouched, the next {@code times} meet {@code fault}. */
    public synchronized void injectAfter(int passing, Fault fault, int times) {
        for (int i = 0; i < passing; i++) {
            scripted.addLast(Optional.empty());
        }
        for (int i = 0; i < times; i++) {
            scripted.addLast(Optional.of(fault));
        }
    }

    /**
     * Every request past the scripted ones meets {@code fault}, instead of the random faults, until this
     * is called again; null goes back to the random ones.
     */
    public synchronized void injectAlways(Fault fault) {
        always = fault;
    }

    synchronized Fault next() {
        if (!scripted.isEmpty()) {
            return scripted.removeFirst().orElse(null);
        }
        if (always != null) {
            return always;
        }
        double roll = random.nextDouble();
        if (roll < settings.serverErrorRate()) {
            return SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
        }
        roll -= settings.serverErrorRate();
        if (roll < settings.slowRate()) {
            return Fault.SLOW;
        }
        roll -= settings.slowRate();
        if (roll < settings.resetRate()) {
            return Fault.RESET;
        }
        roll -= settings.resetRate();
        if (roll < settings.truncateRate()) {
            return Fault.TRUNCATE;
        }
        roll -= settings.truncateRate();
        return roll < settings.oversizedRate() ? Fault.OVERSIZED : null;
    }
}
