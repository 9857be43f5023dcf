package org.leadfeedercamel.simulator.data;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;

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

    /** Visits that have happened in the window, newest first, sliced at {@code offset}. */
    public Page<SimVisit> visits(String accountId, LocalDate from, LocalDate to, int offset, int limit) {
        AccountData a = data(accountId);
        Window w = a.window(from, to, clock.millis());
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

    /** Every visit that has happened in the window, newest first, generated as it is iterated. */
    public Iterable<SimVisit> visits(String accountId, LocalDate from, LocalDate to) {
        AccountData a = data(accountId);
        return () -> a.newestFirst(a.window(from, to, clock.millis()));
    }

    /** The companies with a visit in the window, their figures over that window, by last visit desc then id. */
    public Page<SimLead> leads(String accountId, LocalDate from, LocalDate to, int offset, int limit) {
        List<SimLead> all = leads(accountId, from, to);
        return new Page<>(all.size(), slice(all, offset, limit));
    }

    public List<SimLead> leads(String accountId, LocalDate from, LocalDate to) {
        AccountData a = data(accountId);
        return a.leads(a.window(from, to, clock.millis()));
    }

    /** A lead with its figures over all its visits so far. */
    public Optional<SimLead> lead(String accountId, String leadId) {
        AccountData a = data(accountId);
        int company = a.companies.indexOf(leadId);
        if (company < 0) {
            return Optional.empty();
        }
        Window all = a.window(a.timeline.firstDay(), a.timeline.lastDay(), clock.millis());
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
        Window w = a.window(from, to, clock.millis());
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

    /** The days of a query clipped to the timeline, with how many visits each shows right now. */
    private static final class Window {
        final int first;
        final int last;
        final int[] happened;
        final int[] arrived;
        final int[] planned;
        final int total;

        Window(AccountData a, int first, int last, long nowMillis) {
            this.first = first;
            this.last = last;
            int days = Math.max(0, last - first + 1);
            happened = new int[days];
            arrived = new int[days];
            planned = new int[days];
            int sum = 0;
            for (int k = 0; k < days; k++) {
                planned[k] = a.timeline.plannedCount(first + k);
                happened[k] = a.timeline.happenedCount(first + k, nowMillis);
                arrived[k] = a.arrivals.get(first + k);
                sum += happened[k] + arrived[k];
            }
            total = sum;
        }

        int count(int day) {
            return happened[day - first] + arrived[day - first];
        }

        /** The ordinal of the visit at {@code position} (0 = newest) within a day. */
        int ordinalAt(int day, int position) {
            int k = day - first;
            if (position < arrived[k]) {
                return planned[k] + arrived[k] - 1 - position;
            }
            return happened[k] - 1 - (position - arrived[k]);
        }
    }

    private static final class AccountData {
        final SimAccount account;
        final AccountTimeline timeline;
        final CompanyDirectory companies;
        final VisitFactory factory;
        final AtomicIntegerArray arrivals;
        private final Map<String, List<SimLead>> leadCache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<SimLead>> eldest) {
                return size() > 32;
            }
        };

        AccountData(SimAccount account, AccountTimeline timeline, CompanyDirectory companies, VisitFactory factory) {
            this.account = account;
            this.timeline = timeline;
            this.companies = companies;
            this.factory = factory;
            this.arrivals = new AtomicIntegerArray(timeline.days());
        }

        Window window(LocalDate from, LocalDate to, long nowMillis) {
            int first = Math.max(0, timeline.indexOf(from));
            int last = Math.min(timeline.days() - 1, timeline.indexOf(to));
            return new Window(this, first, last, nowMillis);
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
            String key = w.first + ":" + w.last + ":" + w.total;
            synchronized (leadCache) {
                List<SimLead> cached = leadCache.get(key);
                if (cached != null) {
                    return cached;
                }
            }
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
            List<SimLead> frozen = Collections.unmodifiableList(result);
            synchronized (leadCache) {
                leadCache.put(key, frozen);
            }
            return frozen;
        }
    }
}
