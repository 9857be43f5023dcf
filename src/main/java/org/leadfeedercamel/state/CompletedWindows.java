package org.leadfeedercamel.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.run.SyncMode;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync state: Camel's JDBC idempotent repository of completed windows, one processor name per
 * account and stream, in the warehouse itself. A window is added in the transaction of its last page.
 */
public final class CompletedWindows {

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final SqlStatements sql;
    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, JdbcMessageIdRepository> repositories = new ConcurrentHashMap<>();
    private final String namespace;
    private final WarehouseRetry retry;

    public CompletedWindows(DataSource dataSource, TransactionTemplate transactions, SqlStatements sql, WarehouseRetry retry) {
        this.dataSource = dataSource;
        this.retry = retry;
        this.transactions = transactions;
        this.sql = sql;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.namespace = namespace(sql.prefix());
    }

    /**
     * Whose windows a processor name holds: each table prefix has its own state, so a new prefix is
     * synced from the start date into its own tables. The default prefix keeps the names it always had.
     */
    static String namespace(String tablePrefix) {
        return SyncSettings.DEFAULT_TABLE_PREFIX.equals(tablePrefix) ? "leadfeeder" : "leadfeeder@" + tablePrefix;
    }

    String processorName(String accountId, String stream) {
        return namespace + ":" + accountId + ":" + stream;
    }

    /** Records the window as complete as of {@code at}; joins the transaction of the page being written. */
    public void markComplete(SyncWindow window, Instant at) {
        String processorName = processorName(window.accountId(), window.stream());
        repository(processorName).add(window.key());
        jdbc.update(sql.get("update-window-completed-at"), Map.of("completed_at", at.atOffset(ZoneOffset.UTC),
                "processor_name", processorName, "message_id", window.key()));
    }

    /**
     * Marks a page's window as complete when the page is its last, in the transaction that writes it;
     * a backfill marks nothing, so it leaves the incremental state as it was.
     */
    public void completeIfLast(SyncRun run, PageRows page) {
        if (run.mode() == SyncMode.INCREMENTAL && page.isLast()) {
            markComplete(page.window(), run.clock().instant());
        }
    }

    private JdbcMessageIdRepository repository(String processorName) {
        return repositories.computeIfAbsent(processorName, name -> {
            // the same transaction template as the page writes, so an add joins the page's transaction
            JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, transactions, name);
            repository.setTableName(sql.tables().state("completed_windows"));
            repository.setCreateTableIfNotExists(false);
            ServiceHelper.startService(repository);
            return repository;
        });
    }

    /** A completed window and when it was last read whole (null when a version before that stamp wrote it). */
    public record Read(SyncWindow window, Instant at) {
    }

    /** The completed windows of an account and stream, each with its latest read. */
    public List<Read> reads(String accountId, String stream) throws InterruptedException {
        return retry.call("reading the completed windows of " + accountId + " " + stream, () -> jdbc.query(
                sql.get("select-completed-windows"), Map.of("processor_name", processorName(accountId, stream)), (row, i) -> {
                    OffsetDateTime at = row.getObject("completed_at", OffsetDateTime.class);
                    return new Read(window(accountId, stream, row.getString("window_key")), at == null ? null : at.toInstant());
                }));
    }

    /** The completed windows of an account and stream. */
    public List<SyncWindow> completed(String accountId, String stream) throws InterruptedException {
        return reads(accountId, stream).stream().map(Read::window).toList();
    }

    /** A window from its key in the repository ({@code from..to}). */
    static SyncWindow window(String accountId, String stream, String key) {
        int dots = key.indexOf("..");
        return new SyncWindow(accountId, stream, LocalDate.parse(key.substring(0, dots)), LocalDate.parse(key.substring(dots + 2)));
    }

    /**
     * The last day of the unbroken run of completed windows that starts at {@code start}, or null when
     * the day {@code start} itself is not covered. Overlapping windows (lookback re-reads) are fine.
     */
    public LocalDate syncedThrough(String accountId, String stream, LocalDate start) throws InterruptedException {
        return syncedThrough(completed(accountId, stream), start);
    }

    /** {@link #syncedThrough(String, String, LocalDate)} over windows already read. */
    static LocalDate syncedThrough(List<SyncWindow> completed, LocalDate start) {
        List<SyncWindow> windows = new ArrayList<>(completed);
        windows.sort(Comparator.comparing(SyncWindow::from));
        LocalDate covered = start.minusDays(1);
        for (SyncWindow window : windows) {
            if (window.to().isBefore(start)) {
                continue;
            }
            if (window.from().isAfter(covered.plusDays(1))) {
                break;
            }
            if (window.to().isAfter(covered)) {
                covered = window.to();
            }
        }
        return covered.isBefore(start) ? null : covered;
    }
}
