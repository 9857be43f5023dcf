package org.leadfeedercamel.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the simulator served, for tests and benchmarks that count requests. */
public final class SimulatorStats {

    private final LongAdder requests = new LongAdder();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder bodyBytes = new LongAdder();
    /** Arrival times are kept for the first requests only, so a long-running simulator does not grow. */
    static final int MAX_ARRIVALS = 100_000;

    private final java.util.Queue<Long> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<Long> rateLimitedArrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger recordedArrivals = new java.util.concurrent.atomic.AtomicInteger();

    void served(int status, long atMillis) {
        requests.increment();
        if (recordedArrivals.incrementAndGet() <= MAX_ARRIVALS) {
            arrivals.add(atMillis);
            if (status == 429) {
                rateLimitedArrivals.add(atMillis);
            }
        }
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void faulted(Fault fault) {
        faults.computeIfAbsent(fault.name(), f -> new LongAdder()).increment();
    }

    void bodyBytesSent(long bytes) {
        bodyBytes.add(bytes);
    }

    /**
     * Bytes of response bodies written to the wire (accepted by the socket, so a client's read plus what the
     * network buffers hold): how far a client that gave up on an oversized body let it come.
     */
    public long bodyBytes() {
        return bodyBytes.sum();
    }

    /** Every request answered, whatever its status. */
    public long requests() {
        return requests.sum();
    }

    public long withStatus(int status) {
        LongAdder count = byStatus.get(status);
        return count == null ? 0 : count.sum();
    }

    public long faults(Fault fault) {
        LongAdder count = faults.get(fault.name());
        return count == null ? 0 : count.sum();
    }

    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    /** When each request arrived (epoch millis, the simulator's clock), in order; the first {@value #MAX_ARRIVALS} only. */
    public java.util.List<Long> arrivals() {
        return java.util.List.copyOf(arrivals);
    }

    /** When each request answered 429 arrived, among those {@link #arrivals()} holds. */
    public java.util.List<Long> rateLimitedArrivals() {
        return java.util.List.copyOf(rateLimitedArrivals);
    }

    public void reset() {
        arrivals.clear();
        rateLimitedArrivals.clear();
        recordedArrivals.set(0);
        requests.reset();
        byStatus.clear();
        faults.clear();
        bodyBytes.reset();
    }
}
