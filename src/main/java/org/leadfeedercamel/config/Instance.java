package org.leadfeedercamel.config;

/**
 * One sync of the connector: a name and its settings. The default instance is what the plain
 * {@code leadfeeder.*} keys configure and keeps the names it always had (routes {@code leadfeeder-*},
 * endpoint {@code direct:leadfeeder-sync}); a named one, declared by {@code leadfeeder.instances.<id>.*},
 * puts its id into every name ({@code leadfeeder-<id>-*}, {@code direct:leadfeeder-<id>-sync}), so any
 * number of them live in one CamelContext.
 */
public record Instance(String id, SyncSettings settings) {

    /** The id of the instance the plain {@code leadfeeder.*} keys configure. */
    public static final String DEFAULT_ID = "default";

    /** The default instance, of the plain keys. */
    public static Instance ofDefault(SyncSettings settings) {
        return new Instance(DEFAULT_ID, settings);
    }

    /** The same instance with other settings (demo mode's simulator, a one-off command's trigger off). */
    public Instance with(SyncSettings other) {
        return new Instance(id, other);
    }

    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }

    /** What every route id, endpoint and bean scope of the instance starts with. */
    public String namePrefix() {
        return isDefault() ? "leadfeeder" : "leadfeeder-" + id;
    }

    /** The id of one of its routes, e.g. {@code leadfeeder-acme-window} for {@code window}. */
    public String routeId(String route) {
        return namePrefix() + "-" + route;
    }

    /** The endpoint a host sends to for a run: {@code direct:leadfeeder-<id>-sync}; the body may be a SyncRun. */
    public String syncEndpoint() {
        return "direct:" + routeId("sync");
    }

    /** The key a setting of this instance is read from, e.g. {@code leadfeeder.instances.acme.page-size}. */
    public String key(String plainKey) {
        return isDefault() ? plainKey : Instances.instanceKey(id, plainKey);
    }

    @Override
    public String toString() {
        return "Instance[" + id + ", " + settings + "]";
    }
}
