-- One admission target per unit and year (docs/domain/targets.md): the plan's target bound to the metric
-- `recruitment.admitted` is the source of truth; the recruitment board reads and edits it. The rows of
-- the former `admission_targets` (the recruitment board's own store) are merged into `plan_targets`;
-- nothing is dropped silently:
-- 1. Where the plan already holds the unit's admission target for the year, the plan's figure is kept;
--    a different figure from the recruitment board is written into the target's note.
UPDATE plan_targets g
SET note = concat_ws(E'\n', g.note, format(
      'Hợp nhất chỉ tiêu kết nạp: mục Phát triển đảng viên ghi %s đảng viên, khác chỉ tiêu của kế hoạch (%s); giữ chỉ tiêu của kế hoạch.',
      a.target, g.threshold)),
    version = g.version + 1,
    updated_at = now()
FROM admission_targets a
WHERE g.id = (SELECT min(p.id) FROM plan_targets p
              WHERE p.org_unit_id = a.org_unit_id AND p.year = a.year
                AND p.metric_code = 'recruitment.admitted' AND p.comparator <> 'lte')
  AND g.threshold <> a.target;--> statement-breakpoint
-- 2. Otherwise the recruitment board's figure becomes the unit's yearly target in the plan ("Kết nạp
--    1.200 đảng viên mới", ≥), filed under the term covering the year (the unit's or its nearest
--    ancestor's), marked in its note.
INSERT INTO plan_targets (org_unit_id, term_id, year, title, metric_code, comparator, threshold, note,
                          created_by, created_at, updated_at)
SELECT a.org_unit_id,
       (SELECT t.id FROM plan_terms t JOIN org_units o ON o.id = t.org_unit_id
        WHERE o.path @> u.path AND a.year BETWEEN t.from_year AND t.to_year
        ORDER BY nlevel(o.path) DESC, t.from_year DESC LIMIT 1),
       a.year,
       'Kết nạp ' || regexp_replace(a.target::text, '(\d)(?=(\d{3})+$)', '\1.', 'g') || ' đảng viên mới',
       'recruitment.admitted', 'gte', a.target,
       'Chỉ tiêu chuyển từ mục Phát triển đảng viên khi hợp nhất chỉ tiêu kết nạp.',
       a.updated_by, a.updated_at, a.updated_at
FROM admission_targets a JOIN org_units u ON u.id = a.org_unit_id
WHERE NOT EXISTS (SELECT 1 FROM plan_targets p
                  WHERE p.org_unit_id = a.org_unit_id AND p.year = a.year
                    AND p.metric_code = 'recruitment.admitted' AND p.comparator <> 'lte')
ORDER BY nlevel(u.path), a.year, a.org_unit_id;--> statement-breakpoint
-- 3. A moved target whose parent unit has an admission target for the same year becomes a share of it
--    (the board showed the children's targets under their parent's).
UPDATE plan_targets g
SET parent_target_id = (SELECT min(x.id) FROM plan_targets x
                        WHERE x.org_unit_id = u.parent_id AND x.year = g.year
                          AND x.metric_code = 'recruitment.admitted' AND x.comparator <> 'lte')
FROM org_units u
WHERE u.id = g.org_unit_id
  AND g.note = 'Chỉ tiêu chuyển từ mục Phát triển đảng viên khi hợp nhất chỉ tiêu kết nạp.'
  AND g.parent_target_id IS NULL;
