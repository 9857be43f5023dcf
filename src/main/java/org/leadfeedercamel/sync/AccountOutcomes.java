package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.AccountRef;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.state.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An account the run could not sync: logged and recorded in the run; the other accounts go on. */
public final class AccountOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOutcomes.class);

    /** An account without API access (e.g. HTTP 402): a warning; the run can still succeed. */
    public void skipped(SyncRun run, Throwable cause) {
        String message = FailureReason.of(cause);
        LOG.warn(message);
        run.warn(message);
    }

    /** An account that failed on its own (e.g. unknown to the API): the run ends failed. */
    public void failed(SyncRun run, AccountRef account, Throwable cause) {
        String message = FailureReason.of(cause) + " (at " + run.position() + ")";
        LOG.error("Account {} failed; the other accounts go on: {}", account.id(), message);
        run.accountFailed(message);
    }
}
