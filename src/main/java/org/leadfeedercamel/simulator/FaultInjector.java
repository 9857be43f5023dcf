package org.leadfeedercamel.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Decides which fault, if any, the next request meets: first the faults a test scripted, in order,
 * then the seeded random ones of {@link FaultSettings}.
 */
public final class FaultInjector {

    private static final Fault[] SERVER_ERRORS = {Fault.SERVER_ERROR, Fault.BAD_GATEWAY, Fault.SERVICE_UNAVAILABLE,
        Fault.GATEWAY_TIMEOUT};

    private final FaultSettings settings;
    private final Random random;
    private final Deque<Fault> scripted = new ArrayDeque<>();

    FaultInjector(FaultSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public FaultSettings settings() {
        return settings;
    }

    /** The next {@code times} requests that reach the fault stage meet {@code fault}. */
    public synchronized void injectNext(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            scripted.addLast(fault);
        }
    }

    /** Drops scripted faults that have not been met yet. */
    public synchronized void clear() {
        scripted.clear();
    }

    synchronized Fault next() {
        if (!scripted.isEmpty()) {
            return scripted.removeFirst();
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
        return roll < settings.truncateRate() ? Fault.TRUNCATE : null;
    }
}
