package org.leadfeedercamel.simulator.data;

import java.util.List;

/**
 * A visiting company: the stable part of a `leads` resource. The window-scoped part (visits, first and
 * last visit date) is computed per query, see {@link SimLead}.
 */
public record SimCompany(
        int index,
        String leadId,
        String locationId,
        String name,
        String industry,
        List<String> industries,
        String status,
        String websiteUrl,
        String phone,
        String linkedinUrl,
        String twitterHandle,
        String facebookUrl,
        Integer employeeCount,
        Integer employeesRangeMin,
        Integer employeesRangeMax,
        String crmLeadId,
        String crmOrganizationId,
        List<String> tags,
        String logoUrl,
        String assignee,
        String businessId,
        String revenue,
        String emailedTo,
        String viewInLeadfeeder,
        int quality) {
}
