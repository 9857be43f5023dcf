package org.leadfeedercamel.state;

import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.leadfeedercamel.mapping.PageRows;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A route policy that runs its steps in one warehouse transaction: a page's rows in every table and,
 * with the last page, the window's completion commit together or not at all. The steps must stay
 * synchronous (no async hand-off), so the JDBC work happens on the thread that holds the transaction.
 *
 * <p>Every such transaction first makes sure the run still holds the sync lock, and one that lost its
 * connection is run again whole on a new one ({@link WarehouseRetry}): its upserts and the window's
 * completion are safe to repeat, even after a commit whose answer was lost with the connection (its
 * rejected records, plain inserts, would then be kept twice).
 */
public final class PageTransaction implements Policy {

    /** Work of one transaction. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final TransactionTemplate transactions;
    private final SyncLock lock;
    private final WarehouseRetry retry;

    public PageTransaction(TransactionTemplate transactions, SyncLock lock, WarehouseRetry retry) {
        this.transactions = transactions;
        this.lock = lock;
        this.retry = retry;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> {
            Object page = exchange.getMessage().getBody();
            try {
                write(describe(page), () -> {
                    // each attempt starts from the page as it came, with no failure left of the one before
                    exchange.setException(null);
                    exchange.getMessage().setBody(page);
                    attempt(exchange, processor);
                });
            } catch (Exception e) {
                exchange.setException(e);
            }
        };
    }

    /** Runs {@code work} as a page is written: in one transaction, with the lock held, again after a lost connection. */
    public void write(String what, Work work) throws Exception {
        retry.call(what, () -> {
            Exception[] failure = new Exception[1];
            try {
                transactions.executeWithoutResult(status -> {
                    try {
                        lock.ensureHeld(); // after the transaction took its connection: see SyncLock.ensureHeld
                        work.run();
                    } catch (Exception e) {
                        failure[0] = e;
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException ending) {
                // a rollback fails too when the connection is gone ("Connection is closed"): the work's failure says why
                if (failure[0] == null) {
                    throw ending;
                }
                failure[0].addSuppressed(ending);
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            return null;
        });
    }

    private static void attempt(Exchange exchange, Processor processor) throws Exception {
        // marked transacted, camel-sql leaves the commit of its batches to this transaction
        boolean wasTransacted = exchange.isTransacted();
        exchange.getExchangeExtension().setTransacted(true);
        try {
            processor.process(exchange);
        } finally {
            exchange.getExchangeExtension().setTransacted(wasTransacted);
        }
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }

    private static String describe(Object page) {
        if (page instanceof PageRows rows && rows.window() != null) {
            return "writing a page of " + rows.window();
        }
        return "writing the accounts";
    }
}
