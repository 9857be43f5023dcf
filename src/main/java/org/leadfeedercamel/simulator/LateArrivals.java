package org.leadfeedercamel.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.leadfeedercamel.simulator.data.Dataset;

/**
 * New visits arriving between two page requests ({@code --arrival-every N}: one every N visit pages an
 * API serves for an account) shift every later offset of a newest-first list, as on the real API.
 */
final class LateArrivals {

    private final Dataset dataset;
    private final FaultInjector faults;
    private final Map<String, AtomicLong> visitPagesServed = new ConcurrentHashMap<>();

    LateArrivals(Dataset dataset, FaultInjector faults) {
        this.dataset = dataset;
        this.faults = faults;
    }

    /** Counts a visits page served for the account; every Nth lets a new visit arrive. */
    void visitPageServed(String accountId) {
        int every = faults.settings().arrivalEvery();
        if (every > 0 && visitPagesServed.computeIfAbsent(accountId, a -> new AtomicLong()).incrementAndGet() % every == 0) {
            dataset.arrive(accountId);
        }
    }

}
