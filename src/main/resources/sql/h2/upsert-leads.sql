-- Upsert of one page of leads: a lead's first visit only moves earlier and its last visit only later,
-- because the API computes both over the queried window.
MERGE INTO ${prefix}leads t
USING (VALUES (:#account_id, :#lead_id, :#name, :#industry, :#industries, :#first_visit_date, :#last_visit_date, :#status, :#website_url, :#phone, :#linkedin_url, :#twitter_handle, :#facebook_url, :#employee_count, :#employees_range_min, :#employees_range_max, :#crm_lead_id, :#crm_organization_id, :#tags, :#logo_url, :#assignee, :#business_id, :#revenue, :#emailed_to, :#view_in_leadfeeder, :#visits, :#quality, :#location_id, :#_extra, :#_synced_at, :#_run_id))
    s (account_id, lead_id, name, industry, industries, first_visit_date, last_visit_date, status, website_url, phone, linkedin_url, twitter_handle, facebook_url, employee_count, employees_range_min, employees_range_max, crm_lead_id, crm_organization_id, tags, logo_url, assignee, business_id, revenue, emailed_to, view_in_leadfeeder, visits, quality, location_id, _extra, _synced_at, _run_id)
ON t.account_id = s.account_id AND t.lead_id = s.lead_id
WHEN MATCHED THEN UPDATE SET
    name = s.name,
    industry = s.industry,
    industries = s.industries,
    first_visit_date = LEAST(COALESCE(t.first_visit_date, s.first_visit_date), COALESCE(s.first_visit_date, t.first_visit_date)),
    last_visit_date = GREATEST(COALESCE(t.last_visit_date, s.last_visit_date), COALESCE(s.last_visit_date, t.last_visit_date)),
    status = s.status,
    website_url = s.website_url,
    phone = s.phone,
    linkedin_url = s.linkedin_url,
    twitter_handle = s.twitter_handle,
    facebook_url = s.facebook_url,
    employee_count = s.employee_count,
    employees_range_min = s.employees_range_min,
    employees_range_max = s.employees_range_max,
    crm_lead_id = s.crm_lead_id,
    crm_organization_id = s.crm_organization_id,
    tags = s.tags,
    logo_url = s.logo_url,
    assignee = s.assignee,
    business_id = s.business_id,
    revenue = s.revenue,
    emailed_to = s.emailed_to,
    view_in_leadfeeder = s.view_in_leadfeeder,
    visits = s.visits,
    quality = s.quality,
    location_id = s.location_id,
    _extra = s._extra,
    _synced_at = s._synced_at,
    _run_id = s._run_id
WHEN NOT MATCHED THEN INSERT (account_id, lead_id, name, industry, industries, first_visit_date, last_visit_date, status, website_url, phone, linkedin_url, twitter_handle, facebook_url, employee_count, employees_range_min, employees_range_max, crm_lead_id, crm_organization_id, tags, logo_url, assignee, business_id, revenue, emailed_to, view_in_leadfeeder, visits, quality, location_id, _extra, _synced_at, _run_id)
    VALUES (s.account_id, s.lead_id, s.name, s.industry, s.industries, s.first_visit_date, s.last_visit_date, s.status, s.website_url, s.phone, s.linkedin_url, s.twitter_handle, s.facebook_url, s.employee_count, s.employees_range_min, s.employees_range_max, s.crm_lead_id, s.crm_organization_id, s.tags, s.logo_url, s.assignee, s.business_id, s.revenue, s.emailed_to, s.view_in_leadfeeder, s.visits, s.quality, s.location_id, s._extra, s._synced_at, s._run_id)
