-- Upsert of one page of leads: a lead's first visit only moves earlier and its last visit only later
-- (LEAST/GREATEST ignore NULLs in PostgreSQL), because the API computes both over the queried window.
INSERT INTO ${prefix}leads AS t (account_id, lead_id, name, industry, industries, first_visit_date, last_visit_date, status, website_url, phone, linkedin_url, twitter_handle, facebook_url, employee_count, employees_range_min, employees_range_max, crm_lead_id, crm_organization_id, tags, logo_url, assignee, business_id, revenue, emailed_to, view_in_leadfeeder, visits, quality, location_id, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#lead_id, :#name, :#industry, CAST(:#industries AS jsonb), :#first_visit_date, :#last_visit_date, :#status, :#website_url, :#phone, :#linkedin_url, :#twitter_handle, :#facebook_url, :#employee_count, :#employees_range_min, :#employees_range_max, :#crm_lead_id, :#crm_organization_id, CAST(:#tags AS jsonb), :#logo_url, :#assignee, :#business_id, :#revenue, :#emailed_to, :#view_in_leadfeeder, :#visits, :#quality, :#location_id, CAST(:#_extra AS jsonb), :#_synced_at, :#_run_id)
ON CONFLICT (account_id, lead_id) DO UPDATE SET
    name = EXCLUDED.name,
    industry = EXCLUDED.industry,
    industries = EXCLUDED.industries,
    first_visit_date = LEAST(t.first_visit_date, EXCLUDED.first_visit_date),
    last_visit_date = GREATEST(t.last_visit_date, EXCLUDED.last_visit_date),
    status = EXCLUDED.status,
    website_url = EXCLUDED.website_url,
    phone = EXCLUDED.phone,
    linkedin_url = EXCLUDED.linkedin_url,
    twitter_handle = EXCLUDED.twitter_handle,
    facebook_url = EXCLUDED.facebook_url,
    employee_count = EXCLUDED.employee_count,
    employees_range_min = EXCLUDED.employees_range_min,
    employees_range_max = EXCLUDED.employees_range_max,
    crm_lead_id = EXCLUDED.crm_lead_id,
    crm_organization_id = EXCLUDED.crm_organization_id,
    tags = EXCLUDED.tags,
    logo_url = EXCLUDED.logo_url,
    assignee = EXCLUDED.assignee,
    business_id = EXCLUDED.business_id,
    revenue = EXCLUDED.revenue,
    emailed_to = EXCLUDED.emailed_to,
    view_in_leadfeeder = EXCLUDED.view_in_leadfeeder,
    visits = EXCLUDED.visits,
    quality = EXCLUDED.quality,
    location_id = EXCLUDED.location_id,
    _extra = EXCLUDED._extra,
    _synced_at = EXCLUDED._synced_at,
    _run_id = EXCLUDED._run_id
