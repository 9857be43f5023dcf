package org.leadfeedercamel.state;

import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A route policy that runs its steps in one warehouse transaction: a page's rows in every table and,
 * with the last page, the window's completion commit together or not at all. The steps must stay
 * synchronous (no async hand-off), so the JDBC work happens on the thread that holds the transaction.
 */
public final class PageTransaction implements Policy {

    private final TransactionTemplate transactions;

    public PageTransaction(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> transactions.executeWithoutResult(status -> {
            // marked transacted, camel-sql leaves the commit of its batches to this transaction
            boolean wasTransacted = exchange.isTransacted();
            exchange.getExchangeExtension().setTransacted(true);
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                exchange.getExchangeExtension().setTransacted(wasTransacted);
            }
            if (exchange.getException() != null) {
                status.setRollbackOnly();
            }
        });
    }
}
