package org.leadfeedercamel.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.sql.SqlStatements;

/**
 * What a page writes, table by table in the order the tables refer to each other, and what it wrote
 * once it committed. A page's locations that the run has committed already with the same values are
 * left out (most of them: every visit repeats its location).
 */
public final class PageBatches {

    private final SqlStatements sql;

    public PageBatches(SqlStatements sql) {
        this.sql = sql;
    }

    /** The page's non-empty batches; the write route runs them in one transaction. */
    public List<Batch> of(SyncRun run, PageRows page) {
        page.setLocationsToWrite(run.writtenLocations().unwritten(page.getLocations()));
        List<Batch> batches = new ArrayList<>();
        add(batches, "upsert-accounts", page.getAccountsToWrite());
        add(batches, "upsert-visits", page.getVisits());
        // route rows past a visit's route length are stale: deleted before the route is written
        add(batches, "delete-stale-visit-routs", page.getRouteLengths());
        add(batches, "upsert-visit-routs", page.getRoutes());
        add(batches, "upsert-leads", page.getLeads());
        add(batches, "upsert-locations", page.getLocationsToWrite());
        add(batches, "insert-rejected-records", page.getRejected());
        return batches;
    }

    private void add(List<Batch> batches, String statement, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            batches.add(new Batch(statement, sql.get(statement), rows));
        }
    }

    /** Counts what a committed page wrote, and remembers its locations as written. */
    public void written(SyncRun run, PageRows page) {
        run.wrote("accounts", page.getAccountsToWrite().size());
        run.wrote("visits", page.getVisits().size());
        run.wrote("visit_routs", page.getRoutes().size());
        run.wrote("leads", page.getLeads().size());
        run.wrote("locations", page.getLocationsToWrite().size());
        run.writtenLocations().committed(page.getLocationsToWrite());
        run.rejected(page.getRejected().size());
    }
}
