package org.leadfeedercamel.simulator.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Word lists the generator draws from. They carry the texture of real payloads: non-ASCII names,
 * cities and page titles, English country names, legal forms per country.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    record City(String country, String countryCode, String region, String regionCode, String city, String stateCode,
            String legalForm, String phonePrefix) {
    }

    record Page(String path, String title) {
    }

    record Channel(String source, String medium, String referringUrl, boolean paid) {
    }

    static final List<City> CITIES = List.of(
            new City("Finland", "FI", "Uusimaa", null, "Espoo", null, "Oy", "+358 9"),
            new City("Finland", "FI", "Pirkanmaa", "", "Tampere", null, "Oy", "+358 3"),
            new City("United States of America", "US", "Ohio", null, "Columbus", "OH", "Inc.", "+1 614"),
            new City("United States of America", "US", "California", null, "San José", "CA", "Inc.", "+1 408"),
            new City("United States of America", "US", "New York", null, "Brooklyn", "NY", "LLC", "+1 718"),
            new City("Germany", "DE", "Bayern", null, "München", null, "GmbH", "+49 89"),
            new City("Germany", "DE", "Nordrhein-Westfalen", null, "Düsseldorf", null, "GmbH", "+49 211"),
            new City("Brazil", "BR", "São Paulo", null, "São Paulo", null, "Ltda.", "+55 11"),
            new City("Poland", "PL", "Małopolskie", null, "Kraków", null, "Sp. z o.o.", "+48 12"),
            new City("Sweden", "SE", "Skåne", "", "Malmö", null, "AB", "+46 40"),
            new City("France", "FR", "Île-de-France", null, "Paris", null, "SAS", "+33 1"),
            new City("Switzerland", "CH", "Zürich", null, "Zürich", null, "AG", "+41 44"),
            new City("Denmark", "DK", "Capital Region", null, "København", null, "ApS", "+45 33"),
            new City("Spain", "ES", "Comunidad de Madrid", null, "Alcalá de Henares", null, "S.L.", "+34 91"),
            new City("Turkey", "TR", "İstanbul", null, "İstanbul", null, "A.Ş.", "+90 212"),
            new City("Iceland", "IS", "Capital Region", null, "Reykjavík", null, "ehf.", "+354 5"),
            new City("Czechia", "CZ", "Hlavní město Praha", null, "Praha", null, "s.r.o.", "+420 2"),
            new City("Mexico", "MX", "Nuevo León", null, "Monterrey", null, "S.A. de C.V.", "+52 81"),
            new City("India", "IN", "Tamil Nadu", null, "Chennai", null, "Pvt Ltd", "+91 44"),
            new City("Canada", "CA", "Québec", null, "Montréal", null, "Inc.", "+1 514"),
            new City("Norway", "NO", "Trøndelag", null, "Trondheim", null, "AS", "+47 73"),
            new City("Viet Nam", "VN", "Hà Nội", null, "Hà Nội", null, "JSC", "+84 24"),
            new City("Japan", "JP", "Tokyo", null, "Shibuya", null, "K.K.", "+81 3"),
            new City("Greece", "GR", "Attica", null, "Αθήνα", null, "A.E.", "+30 21"),
            new City("United Kingdom", "GB", "England", null, "Newcastle upon Tyne", null, "Ltd", "+44 191"));

    static final List<String> NAME_STEMS = List.of(
            "Northwind", "Kivi", "Müller & Söhne", "Société Lumière", "Łódź Logistik", "Øresund", "Açaí Têxtil",
            "Zürcher Datenwerk", "Ångström", "Café Núcleo", "Contoso", "Fabrikam", "Δέλτα", "Şahin", "Björk",
            "Hvítá", "Nowak", "Príncipe", "Sakura", "Tundra", "Aurora", "Vértice", "Kraków Byte", "Jäger", "Aalto",
            "Lumen", "Ferro", "Orbis", "Granit", "Polaris", "Koivu", "Élan", "Mosaik", "Nordhavn", "Pampa",
            "Qúinta", "Rheinblick", "Saimaa", "Tiber", "Uusi Aika", "Vanguard", "Weiß", "Yrjö", "Zenit");

    static final List<String> SECTORS = List.of(
            "Analytics", "Freight", "Software", "Robotics", "Consulting", "Medical", "Energy", "Foods", "Systems",
            "Logistics", "Design", "Finance", "Labs", "Data", "Manufacturing", "Digital", "Bau", "Technologies");

    static final List<String> INDUSTRIES = List.of(
            "Computer Software", "Information Technology and Services", "Logistics and Supply Chain",
            "Financial Services", "Hospital & Health Care", "Renewables & Environment", "Food Production",
            "Mechanical or Industrial Engineering", "Marketing and Advertising", "Construction", "Retail",
            "Higher Education", "Management Consulting", "Telecommunications");

    /**
     * The NACE Rev. 2 class closest to each industry name, as the unified API codes industries
     * ({@code industries.industry[].code}); the classic API serves the names only.
     */
    static final Map<String, String> NACE_CODES = Map.ofEntries(
            Map.entry("Computer Software", "58.29"),
            Map.entry("Information Technology and Services", "62.02"),
            Map.entry("Logistics and Supply Chain", "52.29"),
            Map.entry("Financial Services", "64.99"),
            Map.entry("Hospital & Health Care", "86.10"),
            Map.entry("Renewables & Environment", "35.11"),
            Map.entry("Food Production", "10.89"),
            Map.entry("Mechanical or Industrial Engineering", "71.12"),
            Map.entry("Marketing and Advertising", "73.11"),
            Map.entry("Construction", "41.20"),
            Map.entry("Retail", "47.19"),
            Map.entry("Higher Education", "85.42"),
            Map.entry("Management Consulting", "70.22"),
            Map.entry("Telecommunications", "61.90"));

    static final List<String> REVENUES = List.of("0-1M", "1M-10M", "10M-50M", "50M-100M", "100M-500M", "500M+");

    static final List<String> TAGS = List.of("target-account", "ICP", "competitor", "partner", "Kunde ✓",
            "existing customer", "Q3 campaign");

    static final List<String> STATUSES = List.of("new", "new", "new", "new", "in_progress", "qualified", "won");

    static final List<Page> PAGES = List.of(
            new Page("/", "Home | %s"),
            new Page("/pricing", "Pricing | %s"),
            new Page("/product", "Product overview | %s"),
            new Page("/product/integrations", "Integrations | %s"),
            new Page("/product/security", "Security & compliance | %s"),
            new Page("/customers", "Customer stories | %s"),
            new Page("/customers/nordic-retail", "How a Nordic retailer cut costs by 30 % | %s"),
            new Page("/blog", "Blog | %s"),
            new Page("/blog/gdpr-und-datenschutz", "DSGVO und Datenschutz – was Sie wissen müssen | %s"),
            new Page("/blog/precos-e-planos", "Preços e planos: guia completo | %s"),
            new Page("/blog/l-ete-des-donnees", "L’été des données : ce qui change | %s"),
            new Page("/blog/tokyo-meetup", "東京ミートアップのお知らせ | %s"),
            new Page("/about", "Über uns | %s"),
            new Page("/careers", "Careers – we're hiring 🚀 | %s"),
            new Page("/contact", "Contact sales | %s"),
            new Page("/demo", "Book a demo | %s"),
            new Page("/docs/getting-started", "Getting started | %s Docs"),
            new Page("/docs/api/authentication", "API authentication | %s Docs"),
            new Page("/legal/privacy", "Privacy policy | %s"),
            new Page("/webinar/2025-q2", "Webinar: Przyszłość analityki | %s"));

    /** The pages where a visitor converts (asks sales, books a demo): a visit meets a goal there. */
    static final Set<String> GOAL_PATHS = Set.of("/contact", "/demo");

    static final List<Channel> CHANNELS = List.of(
            new Channel("Google", "organic", "www.google.com/", false),
            new Channel("Google", "organic", "www.google.com/", false),
            new Channel("Google", "cpc", "www.google.com/", true),
            new Channel("Direct", null, null, false),
            new Channel("Direct", null, null, false),
            new Channel("linkedin.com", "referral", "www.linkedin.com/", false),
            new Channel("LinkedIn", "paid-social", "lnkd.in/", true),
            new Channel("Bing", "organic", "www.bing.com/", false),
            new Channel("newsletter", "email", null, false),
            new Channel("t.co", "referral", "t.co/", false),
            new Channel("duckduckgo.com", "referral", "duckduckgo.com/", false));

    static final List<String> KEYWORDS = List.of("object storage", "acme pricing", "b2b analytics tool",
            "datenplattform preise", "lead generation software", "gestão de leads");

    static final List<String> CAMPAIGNS = List.of("spring_2025", "brand_search", "retargeting-eu", "webinar_q2",
            "black_friday", "launch-🚀");

    static final List<String> FIRST_NAMES = List.of("Jane", "Mikko", "Zoë", "Łukasz", "Søren", "José", "Aino",
            "Ömer", "Chloé", "Hiroshi");

    static final List<String> LAST_NAMES = List.of("Doe", "Virtanen", "Müller", "Kowalczyk", "Jørgensen",
            "García", "Nieminen", "Yılmaz", "Lefèvre", "Tanaka");

    static final List<String> DEVICES = List.of("desktop", "desktop", "desktop", "smartphone", "smartphone",
            "tablet");

    static final String BASE57 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String chars(SplittableRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String slug(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "company" : slug;
    }
}
