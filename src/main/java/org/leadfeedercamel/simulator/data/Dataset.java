package org.leadfeedercamel.simulator.data;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * A generated Leadfeeder dataset, queried the way the API slices it. Nothing but per-day visit
 * counts and the companies is held in memory: visits are regenerated from the seed when asked for,
 * so a million-visit dataset costs a few megabytes.
 *
 * <p>Visits that start after the clock's now have not happened yet and are invisible, so a range
 * ending today fills up as the day goes on. {@link #arrive(String)} adds a visit on top of the
 * plan, the way late-identified visits show up between two page requests.
 */
public final class Dataset {

    private static final List<String> BRANDS = List.of("Acme SaaS", "Globex Analytics", "Initech Cloud",
            "Umbrella Data", "Hooli Nordic", "Vandelay Imports", "Soylent Labs", "Tyrell Systems");

    private final DatasetSpec spec;
    private final Clock clock;
    private final LocationPool locations;
    private final List<AccountData> accounts = new ArrayList<>();
    private final Map<String, AccountData> byId = new LinkedHashMap<>();

    public Dataset(DatasetSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.locations = new LocationPool(spec.seed(), Math.max(Vocabulary.CITIES.size(), spec.companiesPerAccount() / 2));
        for (int i = 0; i < spec.timezones().size(); i++) {
            ZoneId zone = spec.timezones().get(i);
            String id = String.valueOf(100_001 + i);
            String brand = BRANDS.get(i % BRANDS.size()) + (i < BRANDS.size() ? "" : " " + (i / BRANDS.size() + 1));
            boolean premium = !spec.nonPremiumAccounts().contains(id);
            SimAccount account = new SimAccount(i, id, brand, zone, premium ? "premium" : "lite", i % 4 == 3,
                    i % 2 == 0 ? List.of("crm_sync") : List.of(), "active",
                    "www." + Vocabulary.slug(brand) + ".example");
            LocalDate last = spec.to() != null ? spec.to() : LocalDate.now(clock.withZone(zone));
            LocalDate first = spec.from() != null ? spec.from() : last.minusDays(spec.relativeDays() - 1L);
            AccountTimeline timeline = new AccountTimeline(spec.seed(), i, zone, first, last, spec.visitsPerAccount(),
                    spec.spread(), spec.busyDaysPerAccount(), spec.busyDayVisits());
            CompanyDirectory companies = new CompanyDirectory(spec.seed(), account, locations,
                    spec.companiesPerAccount());
            AccountData data = new AccountData(account, timeline, companies,
                    new VisitFactory(spec.seed(), account, timeline, companies, locations));
            accounts.add(data);
            byId.put(id, data);
        }
    }

    public DatasetSpec spec() {
        return spec;
    }

    public List<SimAccount> accounts() {
        return accounts.stream().map(a -> a.account).toList();
    }

    public Optional<SimAccount> account(String accountId) {
        return Optional.ofNullable(byId.get(accountId)).map(a -> a.account);
    }

    public SimLocation location(String locationId) {
        return locations.byId(locationId);
    }

    /** First account-local day with planned visits. */
    public LocalDate firstDay(String accountId) {
        return data(accountId).timeline.firstDay();
    }

    /** Last account-local day with planned visits. */
    public LocalDate lastDay(String accountId) {
        return data(accountId).timeline.lastDay();
    }

    /** Visits that have happened in the window (account-local dates), newest first, sliced at {@code offset}. */
    public Page<SimVisit> visits(String accountId, LocalDate from, LocalDate to, int offset, int limit) {
        return visits(accountId, from, to, data(accountId).account.timezone(), offset, limit);
    }

    /** Visits whose start falls on a date from {@code from} to {@code to} in {@code zone}, newest first, sliced. */
    public Page<SimVisit> visits(String accountId, LocalDate from, LocalDate to, ZoneId zone, int offset, int limit) {
        AccountData a = data(accountId);
        Window w = a.window(from, to, zone, clock.millis());
        List<SimVisit> items = new ArrayList<>(Math.max(0, Math.min(limit, w.total - offset)));
        int skip = offset;
        for (int d = w.last; d >= w.first && items.size() < limit; d--) {
            int inDay = w.count(d);
            if (skip >= inDay) {
                skip -= inDay;
                continue;
            }
            for (int position = skip; position < inDay && items.size() < limit; position++) {
                items.add(a.factory.visit(d, w.ordinalAt(d, position)));
            }
            skip = 0;
        }
        return new Page<>(w.total, items);
    }

    /** Every visit that has happened in the window (account-local dates), newest first, generated as it is iterated. */
    public Iterable<SimVisit> visits(String accountId, LocalDate from, LocalDate to) {
        return visits(accountId, from, to, data(accountId).account.timezone());
    }

    /** Every visit whose start falls on a date of the window in {@code zone}, newest first, generated as iterated. */
    public Iterable<SimVisit> visits(String accountId, LocalDate from, LocalDate to, ZoneId zone) {
        AccountData a = data(accountId);
        Window w = a.window(from, to, zone, clock.millis());
        return () -> a.newestFirst(w);
    }

    /** The companies with a visit in the window, their figures over that window, by last visit desc then id. */
    public Page<SimLead> leads(String accountId, LocalDate from, LocalDate to, int offset, int limit) {
        List<SimLead> all = leads(accountId, from, to);
        return new Page<>(all.size(), slice(all, offset, limit));
    }

    public List<SimLead> leads(String accountId, LocalDate from, LocalDate to) {
        return leads(accountId, from, to, data(accountId).account.timezone());
    }

    /**
     * The companies with a visit whose start falls on a date of the window in {@code zone}. Their first
     * and last visit dates stay account-local, as Leadfeeder reports them.
     */
    public List<SimLead> leads(String accountId, LocalDate from, LocalDate to, ZoneId zone) {
        AccountData a = data(accountId);
        return a.leads(a.window(from, to, zone, clock.millis()));
    }

    /**
     * One row per distinct (company, visit location) pair with a visit whose start falls on a date of
     * the window in {@code zone}; by the company's last visit date desc, then company id, then location id.
     */
    public List<SimCompanyLocation> companyLocations(String accountId, LocalDate from, LocalDate to, ZoneId zone) {
        AccountData a = data(accountId);
        return a.companyLocations(a.window(from, to, zone, clock.millis()));
    }

    /** A lead with its figures over all its visits so far. */
    public Optional<SimLead> lead(String accountId, String leadId) {
        AccountData a = data(accountId);
        int company = a.companies.indexOf(leadId);
        if (company < 0) {
            return Optional.empty();
        }
        Window all = a.window(a.timeline.firstDay(), a.timeline.lastDay(), a.account.timezone(), clock.millis());
        return a.leads(all).stream().filter(lead -> lead.company().index() == company).findFirst();
    }

    /** Whether the account has a company with this lead id, visited or not. */
    public boolean knowsLead(String accountId, String leadId) {
        return data(accountId).companies.indexOf(leadId) >= 0;
    }

    /** One lead's visits in the window, newest first. */
    public Page<SimVisit> leadVisits(String accountId, String leadId, LocalDate from, LocalDate to, int offset,
            int limit) {
        AccountData a = data(accountId);
        int company = a.companies.indexOf(leadId);
        if (company < 0) {
            return new Page<>(0, List.of());
        }
        Window w = a.window(from, to, a.account.timezone(), clock.millis());
        int total = 0;
        List<SimVisit> items = new ArrayList<>();
        for (int d = w.last; d >= w.first; d--) {
            for (int position = 0; position < w.count(d); position++) {
                int ordinal = w.ordinalAt(d, position);
                if (a.companies.companyOf(d, ordinal) == company) {
                    if (total >= offset && items.size() < limit) {
                        items.add(a.factory.visit(d, ordinal));
                    }
                    total++;
                }
            }
        }
        return new Page<>(total, items);
    }

    /**
     * A visit that was not in the plan appears: the newest of the account's latest day that has begun.
     * Offsets of newest-first pages shift by one, as they do on the real API.
     */
    public SimVisit arrive(String accountId) {
        AccountData a = data(accountId);
        LocalDate today = LocalDate.now(clock.withZone(a.account.timezone()));
        int day = Math.max(0, Math.min(a.timeline.days() - 1, a.timeline.indexOf(today)));
        int ordinal = a.timeline.plannedCount(day) + a.arrivals.getAndIncrement(day);
        return a.factory.visit(day, ordinal);
    }

    private AccountData data(String accountId) {
        AccountData a = byId.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("no account " + accountId + " in this dataset");
        }
        return a;
    }

    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    /**
     * The visits of an instant range [fromMillis, toMillis) that are visible right now. Per account-local
     * day the visible visits, oldest first, are the base ordinals 0..happened-1 and then the arrivals
     * planned..planned+arrived-1; their start instants grow along that sequence, so the part inside
     * the range is the contiguous slice [low, high) of it, found by binary search without building a visit.
     */
    private static final class Window {
        final long fromMillis;
        final long toMillis;
        final int first;
        final int last;
        final int[] low;
        final int[] high;
        final int[] happened;
        final int[] planned;
        final int total;

        Window(AccountData a, long fromMillis, long toMillis, int first, int last, long nowMillis) {
            this.fromMillis = fromMillis;
            this.toMillis = toMillis;
            this.first = first;
            this.last = last;
            int days = Math.max(0, last - first + 1);
            low = new int[days];
            high = new int[days];
            happened = new int[days];
            planned = new int[days];
            int sum = 0;
            for (int k = 0; k < days; k++) {
                int d = first + k;
                planned[k] = a.timeline.plannedCount(d);
                happened[k] = a.timeline.happenedCount(d, nowMillis);
                int visible = happened[k] + a.arrivals.get(d);
                boolean startsInside = a.timeline.dayStartMillis(d) >= fromMillis;
                boolean endsInside = a.timeline.dayStartMillis(d + 1) <= toMillis;
                low[k] = startsInside ? 0 : firstAtOrAfter(a.timeline, d, k, visible, fromMillis);
                high[k] = endsInside ? visible : firstAtOrAfter(a.timeline, d, k, visible, toMillis);
                high[k] = Math.max(low[k], high[k]);
                sum += high[k] - low[k];
            }
            total = sum;
        }

        /** Position in the day's visible sequence of the first visit starting at or after {@code millis}. */
        private int firstAtOrAfter(AccountTimeline timeline, int day, int k, int visible, long millis) {
            int lo = 0;
            int hi = visible;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (timeline.startMillis(day, ordinal(k, mid)) < millis) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The ordinal at a position of a day's visible sequence, oldest first. */
        private int ordinal(int k, int sequencePosition) {
            return sequencePosition < happened[k] ? sequencePosition : planned[k] + sequencePosition - happened[k];
        }

        int count(int day) {
            return high[day - first] - low[day - first];
        }

        /** The ordinal of the visit at {@code position} (0 = newest) within a day's part of the window. */
        int ordinalAt(int day, int position) {
            int k = day - first;
            return ordinal(k, high[k] - 1 - position);
        }

        String key() {
            return fromMillis + ":" + toMillis + ":" + total;
        }
    }

    private static final class AccountData {
        final SimAccount account;
        final AccountTimeline timeline;
        final CompanyDirectory companies;
        final VisitFactory factory;
        final AtomicIntegerArray arrivals;
        private final WindowCache<List<SimLead>> leadCache = new WindowCache<>();
        private final WindowCache<List<SimCompanyLocation>> companyLocationCache = new WindowCache<>();

        AccountData(SimAccount account, AccountTimeline timeline, CompanyDirectory companies, VisitFactory factory) {
            this.account = account;
            this.timeline = timeline;
            this.companies = companies;
            this.factory = factory;
            this.arrivals = new AtomicIntegerArray(timeline.days());
        }

        /** The dates {@code from}..{@code to} in {@code zone} as an instant range, clipped to the timeline's days. */
        Window window(LocalDate from, LocalDate to, ZoneId zone, long nowMillis) {
            long fromMillis = from.atStartOfDay(zone).toInstant().toEpochMilli();
            long toMillis = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            ZoneId local = account.timezone();
            int first = Math.max(0, timeline.indexOf(Instant.ofEpochMilli(fromMillis).atZone(local).toLocalDate()));
            int last = Math.min(timeline.days() - 1,
                    timeline.indexOf(Instant.ofEpochMilli(toMillis - 1).atZone(local).toLocalDate()));
            return new Window(this, fromMillis, toMillis, first, last, nowMillis);
        }

        Iterator<SimVisit> newestFirst(Window w) {
            return new Iterator<>() {
                int day = w.last;
                int position = 0;

                @Override
                public boolean hasNext() {
                    while (day >= w.first && position >= w.count(day)) {
                        day--;
                        position = 0;
                    }
                    return day >= w.first;
                }

                @Override
                public SimVisit next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return factory.visit(day, w.ordinalAt(day, position++));
                }
            };
        }

        /** Aggregates a window's visits per company; cached, as every page of a window asks again. */
        List<SimLead> leads(Window w) {
            return leadCache.get(w.key(), () -> aggregateLeads(w));
        }

        private List<SimLead> aggregateLeads(Window w) {
            int size = companies.size();
            int[] visits = new int[size];
            int[] firstDay = new int[size];
            int[] lastDay = new int[size];
            for (int d = w.first; d <= w.last; d++) {
                for (int position = 0; position < w.count(d); position++) {
                    int c = companies.companyOf(d, w.ordinalAt(d, position));
                    if (visits[c]++ == 0) {
                        firstDay[c] = d;
                    }
                    lastDay[c] = d;
                }
            }
            List<SimLead> result = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                if (visits[c] > 0) {
                    result.add(new SimLead(companies.get(c), visits[c], timeline.day(firstDay[c]),
                            timeline.day(lastDay[c])));
                }
            }
            result.sort(Comparator.comparing(SimLead::lastVisitDate).reversed().thenComparing(SimLead::id));
            return Collections.unmodifiableList(result);
        }

        /** The window's distinct (company, visit location) pairs; cached like the leads. */
        List<SimCompanyLocation> companyLocations(Window w) {
            return companyLocationCache.get(w.key(), () -> pairCompaniesWithLocations(w));
        }

        private List<SimCompanyLocation> pairCompaniesWithLocations(Window w) {
            Map<Integer, Set<String>> locationsByCompany = new HashMap<>();
            for (int d = w.first; d <= w.last; d++) {
                for (int position = 0; position < w.count(d); position++) {
                    int ordinal = w.ordinalAt(d, position);
                    locationsByCompany.computeIfAbsent(companies.companyOf(d, ordinal), c -> new TreeSet<>())
                            .add(factory.locationId(d, ordinal));
                }
            }
            List<SimCompanyLocation> result = new ArrayList<>();
            for (SimLead lead : leads(w)) { // already by last visit date desc, then company id
                for (String locationId : locationsByCompany.get(lead.company().index())) {
                    result.add(new SimCompanyLocation(lead.company(), locationId, lead.lastVisitDate()));
                }
            }
            return Collections.unmodifiableList(result);
        }
    }

    /** The last few aggregations over windows, by window key: every page of a window asks for the same one. */
    private static final class WindowCache<V> {
        private final Map<String, V> entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > 32;
            }
        };

        V get(String key, Supplier<V> compute) {
            synchronized (entries) {
                V cached = entries.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            V value = compute.get();
            synchronized (entries) {
                entries.put(key, value);
            }
            return value;
        }
    }
}
