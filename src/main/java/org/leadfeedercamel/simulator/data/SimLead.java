package org.leadfeedercamel.simulator.data;

import java.time.LocalDate;

/** A company as the leads endpoint answers for one date window: its visit figures cover that window only. */
public record SimLead(SimCompany company, int visits, LocalDate firstVisitDate, LocalDate lastVisitDate) {

    public String id() {
        return company.leadId();
    }
}
