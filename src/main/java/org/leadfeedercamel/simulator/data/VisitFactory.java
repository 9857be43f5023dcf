package org.leadfeedercamel.simulator.data;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds visit {@code ordinal} of an account-local day, the same every time it is asked for. */
final class VisitFactory {

    private final long seed;
    private final SimAccount account;
    private final AccountTimeline timeline;
    private final CompanyDirectory companies;
    private final LocationPool locations;
    private final String brand;

    VisitFactory(long seed, SimAccount account, AccountTimeline timeline, CompanyDirectory companies,
            LocationPool locations) {
        this.seed = seed;
        this.account = account;
        this.timeline = timeline;
        this.companies = companies;
        this.locations = locations;
        this.brand = account.name();
    }

    SimVisit visit(int dayIndex, int ordinal) {
        SplittableRandom r = random(dayIndex, ordinal);
        long startMillis = timeline.startMillis(dayIndex, ordinal);
        Instant startedAt = Instant.ofEpochMilli(startMillis);
        ZonedDateTime local = startedAt.atZone(account.timezone());

        SimCompany company = companies.get(companies.companyOf(dayIndex, ordinal));
        SimLocation location = location(r, company);

        Vocabulary.Channel channel = Vocabulary.pick(r, Vocabulary.CHANNELS);
        List<SimRoutePage> route = route(r);
        String campaign = channel.paid() || "email".equals(channel.medium()) ? Vocabulary.pick(r, Vocabulary.CAMPAIGNS)
                : blank(r);
        String keyword = channel.paid() ? Vocabulary.pick(r, Vocabulary.KEYWORDS) : blank(r);
        String landing = route.get(0).pagePath() + tracking(r, channel, campaign, keyword);

        boolean identified = r.nextDouble() < 0.03;
        String first = identified ? Vocabulary.pick(r, Vocabulary.FIRST_NAMES) : blank(r);
        String last = identified ? Vocabulary.pick(r, Vocabulary.LAST_NAMES) : blank(r);
        String email = identified ? Vocabulary.slug(first) + "." + Vocabulary.slug(last) + "@"
                + Vocabulary.slug(company.name()) + ".example" : blank(r);

        long firstSeen = startMillis - r.nextInt(400) * 86_400_000L - r.nextInt(86_400_000);
        List<String> gaClientIds = new ArrayList<>();
        for (int count = r.nextInt(3); count > 0; count--) {
            gaClientIds.add((100_000_000 + r.nextInt(1_900_000_000)) + "." + (firstSeen / 1000 - r.nextInt(1000)));
        }
        return new SimVisit(
                Ids.uuidV1(seed, startMillis, Ids.KIND_VISIT, account.index(), dayIndex, ordinal, r),
                account.id(),
                company.leadId(),
                location.id(),
                channel.source(),
                channel.medium(),
                channel.referringUrl() == null ? blank(r) : channel.referringUrl(),
                landing,
                route,
                keyword,
                startedAt,
                campaign,
                "organic".equals(channel.medium()) && r.nextDouble() < 0.2
                        ? Vocabulary.pick(r, Vocabulary.KEYWORDS) : blank(r),
                "LF1.1." + Vocabulary.chars(r, "0123456789abcdef", 16) + "." + firstSeen,
                List.copyOf(gaClientIds),
                location.countryCode(),
                Vocabulary.pick(r, Vocabulary.DEVICES),
                email,
                first,
                last,
                local.toLocalDate(),
                local.getHour());
    }

    /**
     * The location {@link #visit} gives the visit, without building the rest of it: the location is
     * the visit's first random draw, so replaying just that draw gives the same answer cheaply.
     */
    String locationId(int dayIndex, int ordinal) {
        return location(random(dayIndex, ordinal), companies.get(companies.companyOf(dayIndex, ordinal))).id();
    }

    private SplittableRandom random(int dayIndex, int ordinal) {
        return Seeds.random(seed, account.index(), dayIndex, ordinal, 0x5151L);
    }

    /** Most visits come from the company's own location, the rest from anywhere. */
    private SimLocation location(SplittableRandom r, SimCompany company) {
        return r.nextDouble() < 0.75 ? locations.byId(company.locationId()) : locations.get(r.nextInt(locations.size()));
    }

    private List<SimRoutePage> route(SplittableRandom r) {
        int depth = 1;
        while (depth < 15 && r.nextDouble() < 0.55) {
            depth++;
        }
        if (r.nextDouble() < 0.005) {
            depth = 20 + r.nextInt(60); // the odd binge session
        }
        List<SimRoutePage> pages = new ArrayList<>(depth);
        String previous = "(entrance)";
        Vocabulary.Page page = Vocabulary.pick(r, Vocabulary.PAGES);
        for (int position = 0; position < depth; position++) {
            if (position > 0 && r.nextDouble() > 0.1) { // otherwise a reload of the same page
                page = Vocabulary.pick(r, Vocabulary.PAGES);
            }
            boolean last = position == depth - 1;
            String url = "http://" + account.hostname() + page.path();
            pages.add(new SimRoutePage(account.hostname(), page.path(), previous, last ? 0 : 3 + r.nextInt(298),
                    page.title().replace("%s", brand), url, url));
            previous = page.path();
        }
        return List.copyOf(pages);
    }

    /** The query string a landing page carries: ad clicks bring hundreds of characters of ids. */
    private static String tracking(SplittableRandom r, Vocabulary.Channel channel, String campaign, String keyword) {
        if ("email".equals(channel.medium())) {
            return "?utm_source=newsletter&utm_medium=email&utm_campaign=" + encode(campaign);
        }
        if (!channel.paid()) {
            return r.nextDouble() < 0.1 ? "?ref=" + Vocabulary.chars(r, Vocabulary.URL_SAFE, 8) : "";
        }
        StringBuilder query = new StringBuilder("?utm_source=").append(encode(channel.source().toLowerCase()))
                .append("&utm_medium=cpc&utm_campaign=").append(encode(campaign))
                .append("&utm_term=").append(encode(keyword))
                .append("&utm_content=").append(Vocabulary.chars(r, "0123456789", 12))
                .append("&hsa_acc=").append(Vocabulary.chars(r, "0123456789", 10))
                .append("&hsa_cam=").append(Vocabulary.chars(r, "0123456789", 11))
                .append("&hsa_grp=").append(Vocabulary.chars(r, "0123456789", 12))
                .append("&hsa_ad=").append(Vocabulary.chars(r, "0123456789", 12))
                .append("&hsa_src=g&hsa_tgt=kwd-").append(Vocabulary.chars(r, "0123456789", 12))
                .append("&hsa_kw=").append(encode(keyword))
                .append("&hsa_mt=p&hsa_net=adwords&hsa_ver=3&gad_source=1")
                .append("&gbraid=").append(Vocabulary.chars(r, Vocabulary.URL_SAFE, 40))
                .append("&gclid=").append(Vocabulary.chars(r, Vocabulary.URL_SAFE, 150 + r.nextInt(100)));
        if (r.nextDouble() < 0.1) { // a cross-domain linker parameter makes the longest real paths
            query.append("&_gl=1*").append(Vocabulary.chars(r, Vocabulary.URL_SAFE, 1_000 + r.nextInt(800)));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blank(SplittableRandom r) {
        return r.nextDouble() < 0.3 ? "" : null;
    }
}
