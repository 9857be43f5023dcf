package org.leadfeedercamel.config;

import static org.leadfeedercamel.config.SyncSettings.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The instances a configuration declares. {@code leadfeeder.instances.<id>.<key>} (environment:
 * {@code LEADFEEDER_INSTANCES_<ID>_<KEY>}) declares instance {@code <id>} with the keys of
 * {@code application.properties} without {@code leadfeeder.}; a key it does not set is the plain
 * {@code leadfeeder.<key>}'s value, or its default, except what is the instance's own: its credential,
 * its accounts and its table prefix ({@code raw_leadfeeder_<id>__} when unset). The plain keys configure
 * the default instance too when no instance is declared, or when {@code leadfeeder.api-token} is set.
 */
public final class Instances {

    public static final String PREFIX = "leadfeeder.instances.";

    private static final String PLAIN = "leadfeeder.";
    private static final String ENVIRONMENT_PREFIX = "LEADFEEDER_INSTANCES_";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    /** Never taken from the plain keys. */
    private static final Set<String> OWN = Set.of(API_TOKEN, ACCOUNT_ID, TABLE_PREFIX);
    /** The process's, not an instance's: one scheduler runs every instance. */
    private static final Set<String> PROCESS_WIDE = Set.of(CLUSTERED, CLUSTER_CHECKIN, SCHEDULER_ENABLED);

    private Instances() {
    }

    /** The key a setting of instance {@code id} is read from. */
    public static String instanceKey(String id, String plainKey) {
        return PREFIX + id + "." + plainKey.substring(PLAIN.length());
    }

    /** The table prefix of a named instance that sets none. */
    public static String defaultTablePrefix(String id) {
        return "raw_leadfeeder_" + id + "__";
    }

    /**
     * Every instance {@code lookup} configures; {@code names} are the names of the keys it holds (property
     * names and environment variable names), which is where the instances' ids are found.
     */
    public static List<Instance> read(Function<String, Optional<String>> lookup, Collection<String> names) {
        Set<String> ids = ids(names);
        List<Instance> instances = new ArrayList<>();
        boolean plainToken = lookup.apply(API_TOKEN).filter(token -> !token.isBlank()).isPresent();
        if (ids.isEmpty() || plainToken) {
            instances.add(Instance.ofDefault(SyncSettings.read(lookup)));
        }
        for (String id : ids) {
            instances.add(read(id, lookup));
        }
        requireOwnTables(instances);
        return instances;
    }

    /** Instance {@code id}'s settings; a bad value is one line naming the instance's key. */
    public static Instance read(String id, Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> own = key -> {
            Optional<String> value = lookup.apply(instanceKey(id, key)).filter(v -> !v.isBlank());
            if (value.isPresent() || OWN.contains(key)) {
                return value.isEmpty() && TABLE_PREFIX.equals(key) ? Optional.of(defaultTablePrefix(id)) : value;
            }
            return lookup.apply(key);
        };
        SyncSettings settings;
        try {
            settings = SyncSettings.read(own);
        } catch (ConfigurationException e) {
            throw e.key().startsWith(PLAIN) && lookup.apply(instanceKey(id, e.key())).isPresent() ? e.of(instanceKey(id, e.key())) : e;
        }
        if (!settings.hasCredential()) {
            throw new ConfigurationException(instanceKey(id, API_TOKEN), null,
                    "is needed: instance " + id + " is declared (set LEADFEEDER_INSTANCES_" + id.toUpperCase(Locale.ROOT) + "_API_TOKEN)");
        }
        return new Instance(id, settings);
    }

    /** The ids named by {@code leadfeeder.instances.<id>.<key>} properties and {@code LEADFEEDER_INSTANCES_<ID>_<KEY>} variables. */
    static Set<String> ids(Collection<String> names) {
        Set<String> ids = new TreeSet<>();
        for (String name : names) {
            String id = name.startsWith(PREFIX) ? idOfProperty(name) : name.startsWith(ENVIRONMENT_PREFIX) ? idOfVariable(name) : null;
            if (id != null) {
                if (!ID.matcher(id).matches() || Instance.DEFAULT_ID.equals(id)) {
                    throw new ConfigurationException(name, null, "names instance '" + id + "'; an instance id is 1 to 32 lower-case"
                            + " letters, digits and _, starting with a letter, and not 'default' (the plain leadfeeder.* keys' instance)");
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private static String idOfProperty(String name) {
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String key = dot < 0 ? null : PLAIN + rest.substring(dot + 1);
        if (key == null || !instanceKeys().contains(key)) {
            throw new ConfigurationException(name, null, "is no instance key: leadfeeder.instances.<id>.<key> takes the keys of"
                    + " application.properties without 'leadfeeder.', except " + PROCESS_WIDE);
        }
        return rest.substring(0, dot);
    }

    /** {@code LEADFEEDER_INSTANCES_ACME_API_TOKEN}: the id is what comes before the longest key's name that ends it. */
    private static String idOfVariable(String name) {
        String rest = name.substring(ENVIRONMENT_PREFIX.length());
        String id = instanceKeys().stream()
                .map(key -> "_" + key.substring(PLAIN.length()).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))
                .filter(suffix -> rest.endsWith(suffix) && rest.length() > suffix.length())
                .max(Comparator.comparingInt(String::length))
                .map(suffix -> rest.substring(0, rest.length() - suffix.length()))
                .orElseThrow(() -> new ConfigurationException(name, null, "is no instance key: LEADFEEDER_INSTANCES_<ID>_<KEY> takes"
                        + " the keys of application.properties without 'leadfeeder.', e.g. LEADFEEDER_INSTANCES_ACME_API_TOKEN"));
        return id.toLowerCase(Locale.ROOT);
    }

    private static Set<String> instanceKeys() {
        Set<String> keys = new TreeSet<>();
        ConfigurationKeys.SECTIONS.forEach(section -> section.fields().stream().map(Field::name)
                .filter(name -> name.startsWith(PLAIN) && !PROCESS_WIDE.contains(name)).forEach(keys::add));
        return keys;
    }

    /** Two instances writing the same tables of one warehouse would mix their data: refused, naming the second's key. */
    private static void requireOwnTables(List<Instance> instances) {
        Map<String, Instance> byTables = new HashMap<>();
        for (Instance instance : instances) {
            WarehouseSettings warehouse = instance.settings().warehouse();
            Instance other = byTables.putIfAbsent(warehouse.url() + " " + warehouse.tablePrefix(), instance);
            if (other != null) {
                throw new ConfigurationException(instance.key(TABLE_PREFIX), warehouse.tablePrefix(), "is the table prefix of instance "
                        + other.id() + " in the same warehouse; give each instance its own");
            }
        }
    }
}
