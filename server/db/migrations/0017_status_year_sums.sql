-- The membership steps summed by year (placed-facts.ts, YEAR_SUFFIX): `status:<status>@year`, dated
-- 1 January, is the sum of that year's daily `status:<status>` rows. Built here once from the daily
-- rows of an existing installation; from now on the recount that moves the daily rows moves them too.
INSERT INTO org_fact_counts (org_unit_id, kind, day, total)
SELECT org_unit_id, kind || '@year', make_date(extract(year FROM day)::int, 1, 1), sum(total)
FROM org_fact_counts
WHERE kind LIKE 'status:%' AND kind NOT LIKE '%@year'
GROUP BY 1, 2, 3
HAVING sum(total) <> 0
ON CONFLICT (org_unit_id, kind, day) DO NOTHING;
