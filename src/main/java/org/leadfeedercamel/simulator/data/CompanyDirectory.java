package org.leadfeedercamel.simulator.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The companies visiting one account, generated on first use and kept (they are few beside visits). */
final class CompanyDirectory {

    private final long seed;
    private final SimAccount account;
    private final LocationPool locations;
    private final AtomicReferenceArray<SimCompany> companies;
    private volatile Map<String, Integer> byLeadId;

    CompanyDirectory(long seed, SimAccount account, LocationPool locations, int size) {
        this.seed = seed;
        this.account = account;
        this.locations = locations;
        this.companies = new AtomicReferenceArray<>(size);
    }

    int size() {
        return companies.length();
    }

    SimCompany get(int index) {
        SimCompany company = companies.get(index);
        if (company == null) {
            company = generate(index);
            companies.compareAndSet(index, null, company);
        }
        return company;
    }

    /** The company whose lead id this is, or -1. */
    int indexOf(String leadId) {
        Map<String, Integer> index = byLeadId;
        if (index == null) {
            Map<String, Integer> built = new HashMap<>();
            for (int i = 0; i < size(); i++) {
                built.put(get(i).leadId(), i);
            }
            byLeadId = index = built;
        }
        return index.getOrDefault(leadId, -1);
    }

    /** Which company made visit {@code ordinal} of a day: a few companies visit far more than the rest. */
    int companyOf(int dayIndex, int ordinal) {
        double u = Seeds.unit(seed, account.index(), dayIndex, ordinal, 0xC0L);
        return Math.min(size() - 1, (int) (size() * u * u));
    }

    private SimCompany generate(int index) {
        SplittableRandom r = Seeds.random(seed, account.index(), 0xC0C0L, index);
        int locationIndex = r.nextInt(locations.size());
        SimLocation location = locations.get(locationIndex);
        Vocabulary.City city = locations.city(locationIndex);
        String stem = Vocabulary.pick(r, Vocabulary.NAME_STEMS);
        String name = stem + " " + Vocabulary.pick(r, Vocabulary.SECTORS) + " " + city.legalForm();
        String slug = Vocabulary.slug(stem) + "-" + index;
        String domain = slug + ".example";
        String companyUuid = Ids.uuidV1(seed, 1_500_000_000_000L + (long) r.nextInt(200_000_000) * 1_000L,
                Ids.KIND_COMPANY, account.index(), 0, index, r);
        String leadId = companyUuid + "_" + location.id();

        double industryRoll = r.nextDouble();
        String industry = industryRoll < 0.1 ? null : industryRoll < 0.15 ? "N/A"
                : Vocabulary.pick(r, Vocabulary.INDUSTRIES);
        List<String> industries = new ArrayList<>();
        if (industry != null && !"N/A".equals(industry)) {
            industries.add(industry);
            for (int extra = r.nextInt(3); extra > 0; extra--) {
                String more = Vocabulary.pick(r, Vocabulary.INDUSTRIES);
                if (!industries.contains(more)) {
                    industries.add(more);
                }
            }
        }
        Integer employees = null;
        Integer rangeMin = null;
        Integer rangeMax = null;
        if (r.nextDouble() < 0.85) {
            int[][] buckets = {{1, 10}, {11, 50}, {51, 200}, {201, 500}, {501, 1000}, {1001, 5000}, {5001, 10000}};
            int[] bucket = buckets[r.nextInt(buckets.length)];
            rangeMin = bucket[0];
            rangeMax = bucket[1];
            employees = r.nextDouble() < 0.05 ? 0 : rangeMin + r.nextInt(rangeMax - rangeMin + 1);
        }
        List<String> tags = new ArrayList<>();
        if (r.nextDouble() < 0.4) {
            for (int count = 1 + r.nextInt(2); count > 0; count--) {
                String tag = Vocabulary.pick(r, Vocabulary.TAGS);
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
        }
        return new SimCompany(
                index,
                leadId,
                location.id(),
                name,
                industry,
                List.copyOf(industries),
                Vocabulary.pick(r, Vocabulary.STATUSES),
                r.nextDouble() < 0.85 ? "http://www." + domain : null,
                r.nextDouble() < 0.6 ? city.phonePrefix() + " " + digits(r, 7) : blank(r),
                r.nextDouble() < 0.5 ? "https://www.linkedin.com/company/" + slug : null,
                r.nextDouble() < 0.3 ? slug.replace('-', '_') : blank(r),
                r.nextDouble() < 0.2 ? "https://www.facebook.com/" + slug : null,
                employees,
                rangeMin,
                rangeMax,
                r.nextDouble() < 0.7 ? null : r.nextBoolean() ? "" : digits(r, 8),
                r.nextDouble() < 0.8 ? null : "org_" + digits(r, 6),
                List.copyOf(tags),
                r.nextDouble() < 0.5 ? "https://logos.example.invalid/" + slug + ".png" : null,
                r.nextDouble() < 0.3 ? "sales." + (1 + r.nextInt(5)) + "@" + account.hostname().replace("www.", "") : null,
                r.nextDouble() < 0.5 ? city.countryCode() + digits(r, 8) : null,
                r.nextDouble() < 0.4 ? Vocabulary.pick(r, Vocabulary.REVENUES) : null,
                r.nextDouble() < 0.15 ? "team@" + account.hostname().replace("www.", "") : null,
                "https://app.leadfeeder.com/l/" + account.id() + "/leads/" + leadId,
                r.nextInt(11));
    }

    /** Real payloads carry both null and "" for an absent value. */
    private static String blank(SplittableRandom r) {
        return r.nextDouble() < 0.3 ? "" : null;
    }

    private static String digits(SplittableRandom r, int count) {
        return Vocabulary.chars(r, "0123456789", count);
    }
}
