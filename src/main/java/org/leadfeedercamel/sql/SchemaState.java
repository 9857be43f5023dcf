package org.leadfeedercamel.sql;

/**
 * Where a warehouse's schema stands against this program's migrations: its operational tables' history
 * and the configured prefix's data tables' history (see {@link Warehouse#migrate}).
 *
 * @param dataTablesExist the prefix's tables are there, with or without a history of their own
 */
public record SchemaState(History operational, History tables, boolean dataTablesExist) {

    /** One migration history: the version applied (null: none), how many wait, whether it is newer than this program. */
    public record History(String version, int pending, boolean newer) {
    }

    /** Nothing of the sync is there yet: the first sync creates it all. */
    public boolean empty() {
        return operational.version() == null;
    }

    /** Migrated by a newer version of the program: this one must not use it. */
    public boolean newer() {
        return operational.newer() || tables.newer();
    }

    /** Everything this program expects is there. */
    public boolean migrated() {
        return !empty() && operational.pending() == 0 && (tables.version() != null ? tables.pending() == 0 : dataTablesExist);
    }

    /** One line on what the next sync does to the schema, or that it is as expected. */
    public String describe(String tablePrefix) {
        if (newer()) {
            return "the warehouse schema is newer than this program's; run a newer leadfeeder-camel against it";
        }
        if (empty()) {
            return "no leadfeeder tables yet: the first sync creates them";
        }
        if (migrated()) {
            return "schema migrated";
        }
        if (!dataTablesExist) {
            return "no tables for the prefix " + tablePrefix + " yet: the next sync creates them and fills them from the start date";
        }
        return operational.pending() + tables.pending() + " migration(s) pending: the next sync applies them";
    }
}
