package org.leadfeedercamel.simulator.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the unified API ({@code /v1}) shows that the classic data does not hold, derived from it
 * by fixed rules so the simulator and the rows tests expect agree:
 * <ul>
 *   <li>an engagement {@code has_met_goals} on a goal page, {@code /contact} or {@code /demo}, the pages
 *       where a visitor converts;</li>
 *   <li>an industry's {@code code} is the NACE Rev. 2 class closest to its name ({@link Vocabulary#NACE_CODES});</li>
 *   <li>{@code revenue.value} in EUR is the middle of the classic band ("10M-50M" → 30,000,000), and one
 *       and a half times the floor of an open band ("500M+" → 750,000,000);</li>
 *   <li>{@code employee_range} is the classic range as "min-max";</li>
 *   <li>{@code meta.num_contacts} is the classic lead quality (0 to 10): better leads have more known contacts.</li>
 * </ul>
 */
public final class UnifiedRules {

    public static final String REVENUE_CURRENCY = "EUR";

    private UnifiedRules() {
    }

    public static boolean hasMetGoals(SimRoutePage page) {
        return Vocabulary.GOAL_PATHS.contains(page.pagePath());
    }

    /** The company's industries as {code, name} pairs, in the classic order. */
    public static List<Map<String, String>> industries(SimCompany company) {
        List<Map<String, String>> result = new ArrayList<>();
        for (String name : company.industries()) {
            Map<String, String> industry = new LinkedHashMap<>();
            industry.put("code", Vocabulary.NACE_CODES.get(name));
            industry.put("name", name);
            result.add(industry);
        }
        return result;
    }

    /** Revenue in EUR from the classic band, or null when the company has none. */
    public static Long revenueValue(SimCompany company) {
        String band = company.revenue();
        if (band == null || band.isEmpty()) {
            return null;
        }
        if (band.endsWith("+")) {
            return amount(band.substring(0, band.length() - 1)) * 3 / 2;
        }
        String[] bounds = band.split("-", 2);
        return (amount(bounds[0]) + amount(bounds[1])) / 2;
    }

    /** {value, currency}, or null when the company has no revenue. */
    public static Map<String, Object> revenue(SimCompany company) {
        Long value = revenueValue(company);
        if (value == null) {
            return null;
        }
        Map<String, Object> revenue = new LinkedHashMap<>();
        revenue.put("value", value);
        revenue.put("currency", REVENUE_CURRENCY);
        return revenue;
    }

    public static String employeeRange(SimCompany company) {
        return company.employeesRangeMin() == null ? null
                : company.employeesRangeMin() + "-" + company.employeesRangeMax();
    }

    public static int numContacts(SimCompany company) {
        return company.quality();
    }

    /** "0", "1M", "500M" as a number. */
    private static long amount(String text) {
        return text.endsWith("M") ? Long.parseLong(text.substring(0, text.length() - 1)) * 1_000_000L
                : Long.parseLong(text);
    }
}
