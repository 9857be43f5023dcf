package org.leadfeedercamel.sync;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiRequest;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.run.AccountRef;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.state.CompletedWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the accounts the token sees are synced, all of them or those LEADFEEDER_ACCOUNT_ID names,
 * and in which order: the one synced least far first, so with many accounts sharing one rate budget
 * a run that is cut short (or runs long) does not leave the same accounts behind every time.
 */
public final class AccountSelection {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSelection.class);

    private final List<String> accountIds;
    private final LocalDate startDate;
    private final CompletedWindows state;
    private final ApiChoice choice;

    /** {@code accountIds}: the accounts configured to sync, all when empty. */
    public AccountSelection(List<String> accountIds, LocalDate startDate, CompletedWindows state, ApiChoice choice) {
        this.accountIds = List.copyOf(accountIds);
        this.startDate = startDate;
        this.state = state;
        this.choice = choice;
    }

    /** The request for the accounts the credential sees. */
    public ApiRequest request() {
        return choice.api().accounts();
    }

    /** The accounts table keeps the configured accounts only (all of them when none is configured). */
    public PageRows toWrite(PageRows accounts) {
        accounts.setAccountsToWrite(accounts.getAccounts().stream().filter(row -> configured((String) row.get("account_id"))).toList());
        return accounts;
    }

    private boolean configured(String accountId) {
        return accountIds.isEmpty() || accountIds.contains(accountId);
    }

    public List<AccountRef> select(SyncRun run, PageRows accounts) throws InterruptedException {
        List<AccountRef> selected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> row : accounts.getAccounts()) {
            String id = (String) row.get("account_id");
            seen.add(id);
            if (configured(id)) {
                selected.add(new AccountRef(id, zone(id, (String) row.get("timezone"), run)));
            }
        }
        for (String wanted : accountIds) {
            if (!seen.contains(wanted)) {
                String message = "Account " + wanted + " (LEADFEEDER_ACCOUNT_ID) is not among the accounts this token can see: " + seen;
                LOG.error(message);
                run.accountFailed(message);
            }
        }
        Map<String, LocalDate> through = new HashMap<>(); // read before sorting: a read may wait for the warehouse
        for (AccountRef account : selected) {
            through.put(account.id(), syncedThrough(account.id()));
        }
        selected.sort(Comparator.comparing(account -> through.get(account.id()), Comparator.nullsFirst(Comparator.naturalOrder())));
        return selected;
    }

    /** How far an account is synced: the least far of its streams, null when one has not started. */
    private LocalDate syncedThrough(String accountId) throws InterruptedException {
        LocalDate least = LocalDate.MAX;
        for (String stream : SyncRun.STREAMS) {
            LocalDate through = state.syncedThrough(accountId, stream, startDate);
            if (through == null) {
                return null;
            }
            least = through.isBefore(least) ? through : least;
        }
        return least;
    }

    private ZoneId zone(String accountId, String timezone, SyncRun run) {
        ZoneId zone = choice.api().accountZone(timezone);
        if (zone == null) {
            String message = "Account " + accountId + " has no usable timezone ('" + timezone + "'); using UTC dates";
            LOG.warn(message);
            run.warn(message);
            return ZoneId.of("UTC");
        }
        return zone;
    }
}
