package org.leadfeedercamel.sync;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiGeneration;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.state.CompletedWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the accounts the token sees are synced, all of them or those LEADFEEDER_ACCOUNT_ID names,
 * and in which order: the one synced least far first, so with many accounts sharing one rate budget
 * a run that is cut short (or runs long) does not leave the same accounts behind every time.
 */
public final class AccountSelection {

    /** An account to sync and the timezone its dates are in. */
    public record AccountRef(String id, ZoneId zone) {
        public String getId() {
            return id;
        }

        public ZoneId getZone() {
            return zone;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AccountSelection.class);

    private final SyncSettings settings;
    private final CompletedWindows state;
    private final ApiChoice choice;

    public AccountSelection(SyncSettings settings, CompletedWindows state, ApiChoice choice) {
        this.settings = settings;
        this.state = state;
        this.choice = choice;
    }

    /** The accounts table keeps the configured accounts only (all of them when none is configured). */
    public List<Map<String, Object>> accountsToWrite(Exchange exchange) {
        PageRows accounts = exchange.getProperty(SyncProperties.PAGE_ROWS, PageRows.class);
        accounts.setAccountsToWrite(accounts.getAccounts().stream().filter(row -> configured((String) row.get("account_id"))).toList());
        return accounts.getAccountsToWrite();
    }

    private boolean configured(String accountId) {
        return settings.accountIds().isEmpty() || settings.accountIds().contains(accountId);
    }

    public List<AccountRef> select(Exchange exchange) {
        PageRows accounts = exchange.getProperty(SyncProperties.PAGE_ROWS, PageRows.class);
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        List<AccountRef> selected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> row : accounts.getAccounts()) {
            String id = (String) row.get("account_id");
            seen.add(id);
            if (configured(id)) {
                // /v1 filters on UTC dates and tells no account timezone
                selected.add(new AccountRef(id, choice.generation() == ApiGeneration.V1 ? ZoneOffset.UTC
                        : zone(id, (String) row.get("timezone"), run)));
            }
        }
        for (String wanted : settings.accountIds()) {
            if (!seen.contains(wanted)) {
                String message = "Account " + wanted + " (LEADFEEDER_ACCOUNT_ID) is not among the accounts this token can see: " + seen;
                LOG.error(message);
                run.accountFailed(message);
            }
        }
        selected.sort(Comparator.comparing(account -> syncedThrough(account.id()), Comparator.nullsFirst(Comparator.naturalOrder())));
        return selected;
    }

    /** How far an account is synced: the least far of its streams, null when one has not started. */
    private LocalDate syncedThrough(String accountId) {
        LocalDate least = LocalDate.MAX;
        for (String stream : SyncRun.STREAMS) {
            LocalDate through = state.syncedThrough(accountId, stream, settings.startDate());
            if (through == null) {
                return null;
            }
            least = through.isBefore(least) ? through : least;
        }
        return least;
    }

    private static ZoneId zone(String accountId, String timezone, SyncRun run) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            String message = "Account " + accountId + " has no usable timezone ('" + timezone + "'); using UTC dates";
            LOG.warn(message);
            run.warn(message);
            return ZoneId.of("UTC");
        }
    }
}
