package org.leadfeedercamel.simulator.data;

import java.time.LocalDate;

/**
 * A (company, visit location) pair with at least one visit in a window: a row of the unified API's
 * visitor-companies endpoint. {@code lastVisitDate} is the company's, over all its locations: the
 * account-local date of its latest visit in the window.
 */
public record SimCompanyLocation(SimCompany company, String locationId, LocalDate lastVisitDate) {
}
