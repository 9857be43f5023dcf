package org.leadfeedercamel.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of the sync: what it was asked to do and what it did, for the run log and the summary. */
public final class SyncRun {

    /** The exchange property holding the run, for the routes and the Camel steps that count into it. */
    public static final String PROPERTY = "leadfeederRun";

    public static final List<String> TABLES = List.of("accounts", "visits", "visit_routs", "leads", "locations");
    public static final List<String> STREAMS = List.of("visits", "leads");

    /** How a run ended; stopped: asked to stop (a signal, its context stopping) and ended between two pages. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, STOPPED }

    /** Told of every count as it happens, e.g. to export them as metrics while a long run goes on. */
    public interface Observer {
        default void requestSent() {
        }

        default void rateLimited() {
        }

        default void retried() {
        }

        default void wrote(String table, int count) {
        }

        default void rejected(int count) {
        }
    }

    private final String runId = UUID.randomUUID().toString();
    private final SyncMode mode;
    private final List<String> streams;
    private final LocalDate backfillFrom;
    private final LocalDate backfillTo;
    private final Clock clock;
    private final Instant startedAt;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Map<String, AtomicInteger> rows = new LinkedHashMap<>();
    private final WrittenLocations writtenLocations = new WrittenLocations();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile Integer apiQuotaUsed;
    private final List<String> accountErrors = Collections.synchronizedList(new ArrayList<>());
    private volatile Observer observer = new Observer() { };
    private volatile String position = "start";
    private volatile Status status = Status.RUNNING;
    private volatile String error;
    private volatile Instant endedAt;

    private SyncRun(SyncMode mode, List<String> streams, LocalDate from, LocalDate to, Clock clock) {
        this.mode = mode;
        this.streams = List.copyOf(streams);
        this.backfillFrom = from;
        this.backfillTo = to;
        this.clock = clock;
        this.startedAt = clock.instant();
        TABLES.forEach(table -> rows.put(table, new AtomicInteger()));
    }

    public static SyncRun incremental(Clock clock) {
        return new SyncRun(SyncMode.INCREMENTAL, STREAMS, null, null, clock);
    }

    public static SyncRun backfill(LocalDate from, LocalDate to, List<String> streams, Clock clock) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("backfill --from " + from + " is after --to " + to);
        }
        for (String stream : streams) {
            if (!STREAMS.contains(stream)) {
                throw new IllegalArgumentException("unknown stream '" + stream + "' (streams: visits, leads)");
            }
        }
        return new SyncRun(SyncMode.BACKFILL, streams, from, to, clock);
    }

    public String runId() {
        return runId;
    }

    public SyncMode mode() {
        return mode;
    }

    /** The streams this run reads, for the route to split over. */
    public List<String> getStreams() {
        return streams;
    }

    public LocalDate backfillFrom() {
        return backfillFrom;
    }

    public LocalDate backfillTo() {
        return backfillTo;
    }

    public Clock clock() {
        return clock;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Status status() {
        return status;
    }

    public String error() {
        return error;
    }

    public void observedBy(Observer value) {
        observer = value;
    }

    public void requestSent() {
        requests.incrementAndGet();
        observer.requestSent();
    }

    /** A request the API answered 429 (it is retried as well). */
    public void rateLimited() {
        rateLimited.incrementAndGet();
        observer.rateLimited();
    }

    public void retried() {
        retries.incrementAndGet();
        observer.retried();
    }

    public void wrote(String table, int count) {
        rows.get(table).addAndGet(count);
        observer.wrote(table, count);
    }

    public void rejected(int count) {
        rejected.addAndGet(count);
        observer.rejected(count);
    }

    public int rateLimitedRequests() {
        return rateLimited.get();
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** The /v1 key's requests this month by the run's end, as the run log counted them; null on the classic API. */
    public Integer apiQuotaUsed() {
        return apiQuotaUsed;
    }

    public void apiQuotaUsed(int used) {
        apiQuotaUsed = used;
    }

    /** An account that could not be synced; the others go on, and the run ends failed. */
    public void accountFailed(String error) {
        accountErrors.add(error);
    }

    public List<String> accountErrors() {
        return List.copyOf(accountErrors);
    }

    /** Where the run is: the request it is about to send, for the run log when it fails there. */
    public void at(String where) {
        position = where;
    }

    public String position() {
        return position;
    }

    /** The locations this run has committed, so later pages skip the ones they repeat. */
    public WrittenLocations writtenLocations() {
        return writtenLocations;
    }

    public int requests() {
        return requests.get();
    }

    public int retries() {
        return retries.get();
    }

    public int rejectedCount() {
        return rejected.get();
    }

    public int rows(String table) {
        return rows.get(table).get();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** How the run ended, in one line: outcome, duration, requests, rows per table, rejected, warnings, error. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("Sync run ").append(runId).append(' ').append(status.name().toLowerCase());
        if (endedAt != null) {
            line.append(String.format(" in %.1f s", java.time.Duration.between(startedAt, endedAt).toMillis() / 1000.0));
        }
        line.append(": ").append(requests()).append(" requests, ").append(retries()).append(" retries (")
                .append(rateLimitedRequests()).append(" after a 429); rows");
        rows.forEach((table, count) -> line.append(' ').append(table).append(' ').append(count.get()));
        line.append("; rejected ").append(rejectedCount());
        warnings().forEach(warning -> line.append("; warning: ").append(warning));
        if (error != null) {
            line.append("; error: ").append(error);
        }
        return line.toString();
    }

    public void succeed() {
        status = Status.SUCCEEDED;
        endedAt = clock.instant();
    }

    public void fail(String message) {
        end(Status.FAILED, message);
    }

    /** Asked to stop: what was committed stands, the next run resumes from the state. */
    public void stop(String message) {
        end(Status.STOPPED, message);
    }

    private void end(Status outcome, String message) {
        status = outcome;
        error = message;
        endedAt = clock.instant();
    }
}
