-- The maintained facts (placed_facts, org_fact_counts) of an installation that predates them, built
-- once here instead of being checked at every start (server/main.ts called ensurePlacedFacts until
-- now). The same three checks as figures/placed-facts.ts `ensurePlacedFacts`, with its statements
-- rendered as they were when this migration was written:
-- - member events but no facts at all (upgraded from before 0012): rebuild every fact;
-- - else resolution plans but no dissemination facts: the dissemination facts of every unit;
--   and each member whose badge or first party card has no fact yet: that member's facts.
-- On a database whose facts are complete (a new one, or one that ran those checks at start) the
-- checks find nothing to do. A restore of an older backup still runs ensurePlacedFacts itself.
DO $backfill$
BEGIN
  IF EXISTS (SELECT 1 FROM member_events) AND NOT EXISTS (SELECT 1 FROM placed_facts) THEN
    delete from org_fact_counts;
    delete from placed_facts;
    with old as (
          delete from placed_facts where source = 'member' and source_id in (select id from members)
          returning kind, day, -amount as amount, path),
        new as (
          insert into placed_facts (source, source_id, kind, day, amount, path)
          select 'member', source_id, kind, day, amount, path
          from (
      select e.member_id as source_id, e.kind, e.event_date as day, 1::bigint as amount, pi.path
      from (select e.*, coalesce(e.org_unit_id,
              (
      select p.org_unit_id from member_periods p where p.member_id = e.member_id and p.valid_from < e.event_date
      order by p.valid_from desc limit 1)) as placed_unit
            from member_events e where e.member_id in (select id from members)) e
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = e.placed_unit
        and pi.valid_from <= e.event_date and (pi.valid_to is null or pi.valid_to > e.event_date)
      union all
      select piece.member_id, 'status:' || piece.status, d.day, d.delta, piece.path
      from (
        select p.member_id, p.status, h.path, greatest(p.valid_from, h.valid_from) as starts,
          case when p.valid_to is null then h.valid_to when h.valid_to is null then p.valid_to
               else least(p.valid_to, h.valid_to) end as ends
        from member_periods p
        join org_unit_history h on h.org_unit_id = p.org_unit_id
          and h.valid_from < coalesce(p.valid_to, 'infinity'::date)
          and coalesce(h.valid_to, 'infinity'::date) > p.valid_from
        where p.member_id in (select id from members) and p.status in ('probationary', 'full', 'exempted', 'suspended')) piece
      cross join lateral (values (piece.starts, 1::bigint), (piece.ends, -1::bigint)) as d(day, delta)
      where d.day is not null and piece.starts < coalesce(piece.ends, 'infinity'::date)
      union all
      select f.member_id, 'dues'::text, f.paid_on, f.amount::bigint, pi.path
      from dues_payments f
      join member_periods p on p.member_id = f.member_id
        and p.valid_from <= f.paid_on and (p.valid_to is null or p.valid_to > f.paid_on)
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = p.org_unit_id
        and pi.valid_from <= f.paid_on and (pi.valid_to is null or pi.valid_to > f.paid_on)
      where f.member_id in (select id from members) 
      union all
      select f.member_id, 'badge'::text, f.award_date, 1::bigint, pi.path
      from badge_awards f
      join member_periods p on p.member_id = f.member_id
        and p.valid_from <= f.award_date and (p.valid_to is null or p.valid_to > f.award_date)
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = p.org_unit_id
        and pi.valid_from <= f.award_date and (pi.valid_to is null or pi.valid_to > f.award_date)
      where f.member_id in (select id from members) 
      union all
      select f.member_id, 'card_issued'::text, f.action_date, 1::bigint, pi.path
      from party_card_events f
      join member_periods p on p.member_id = f.member_id
        and p.valid_from <= f.action_date and (p.valid_to is null or p.valid_to > f.action_date)
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = p.org_unit_id
        and pi.valid_from <= f.action_date and (pi.valid_to is null or pi.valid_to > f.action_date)
      where f.member_id in (select id from members) and f.action = 'issued') t
          returning kind, day, amount, path),
        change as (
          select a.id::int as org_unit_id, f.kind, f.day, sum(f.amount) as total
          from (select * from old union all select * from new) f
          cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
          group by 1, 2, 3 having sum(f.amount) <> 0),
        year_change as (
          select org_unit_id, kind || '@year' as kind, make_date(extract(year from day)::int, 1, 1) as day,
            sum(total) as total
          from change where kind like 'status:%' group by 1, 2, 3 having sum(total) <> 0)
        insert into org_fact_counts (org_unit_id, kind, day, total)
        select org_unit_id, kind, day, total
        from (select * from change union all select * from year_change) c order by 1, 2, 3
        on conflict (org_unit_id, kind, day) do update set total = org_fact_counts.total + excluded.total;
    with old as (
          delete from placed_facts where source = 'evaluation_record' and source_id in (select id from evaluation_records)
          returning kind, day, -amount as amount, path),
        new as (
          insert into placed_facts (source, source_id, kind, day, amount, path)
          select 'evaluation_record', source_id, kind, day, amount, path
          from (
      select r.id as source_id, 'evaluation:' || c.year || ':' || r.subject_kind || ':' || f.flag as kind,
        r.decided_on as day, 1::bigint as amount, pi.path
      from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = r.org_unit_id
        and pi.valid_from <= r.decided_on and (pi.valid_to is null or pi.valid_to > r.decided_on)
      cross join lateral (values
        ('rated', true),
        ('good', r.decided_level in ('HTXSNV', 'HTTNV')),
        ('excellent', r.decided_level = 'HTXSNV'),
        ('cultural', coalesce(r.cultural_standard, false))) as f(flag, holds)
      where r.id in (select id from evaluation_records) and c.cycle = 'year' and r.decided_level is not null
        and r.decided_on is not null and f.holds) t
          returning kind, day, amount, path),
        change as (
          select a.id::int as org_unit_id, f.kind, f.day, sum(f.amount) as total
          from (select * from old union all select * from new) f
          cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
          group by 1, 2, 3 having sum(f.amount) <> 0),
        year_change as (
          select org_unit_id, kind || '@year' as kind, make_date(extract(year from day)::int, 1, 1) as day,
            sum(total) as total
          from change where kind like 'status:%' group by 1, 2, 3 having sum(total) <> 0)
        insert into org_fact_counts (org_unit_id, kind, day, total)
        select org_unit_id, kind, day, total
        from (select * from change union all select * from year_change) c order by 1, 2, 3
        on conflict (org_unit_id, kind, day) do update set total = org_fact_counts.total + excluded.total;
    with old as (
          delete from placed_facts where source = 'dissemination' and source_id in (select id from org_units)
          returning kind, day, -amount as amount, path),
        new as (
          insert into placed_facts (source, source_id, kind, day, amount, path)
          select 'dissemination', source_id, kind, day, amount, path
          from (
      select h.org_unit_id as source_id, 'dissemination:' || p.resolution_id || ':' || f.flag as kind,
        f.day, f.amount, h.path
      from org_unit_history h
      join resolution_plans p on h.kind = any(p.unit_kinds) and h.valid_from <= p.study_deadline
        and h.path ~ ('*.' || p.target_unit_id || '.*')::lquery
      left join lateral (select min(x.held_on) as held_on from dissemination_sessions x
        where x.resolution_id = p.resolution_id and x.org_unit_id = h.org_unit_id) s on true
      left join action_programmes a on a.resolution_id = p.resolution_id
        and a.org_unit_id = h.org_unit_id
      cross join lateral (select
          case when h.valid_to <= p.study_deadline then h.valid_to end as ends,
          greatest(h.valid_from, s.held_on) as held_from,
          greatest(h.valid_from, a.issued_on) as ap_from) e
      cross join lateral (values
        ('required', h.valid_from, 1::bigint, true),
        ('required', e.ends, -1::bigint, true),
        ('held', e.held_from, 1::bigint,
          s.held_on is not null and e.held_from < coalesce(e.ends, 'infinity'::date)),
        ('held', e.ends, -1::bigint,
          s.held_on is not null and e.held_from < coalesce(e.ends, 'infinity'::date)),
        ('action_programme', e.ap_from, 1::bigint,
          a.issued_on is not null and e.ap_from < coalesce(e.ends, 'infinity'::date)),
        ('action_programme', e.ends, -1::bigint,
          a.issued_on is not null and e.ap_from < coalesce(e.ends, 'infinity'::date))
      ) as f(flag, day, amount, holds)
      where h.org_unit_id in (select id from org_units) and f.holds and f.day is not null) t
          returning kind, day, amount, path),
        change as (
          select a.id::int as org_unit_id, f.kind, f.day, sum(f.amount) as total
          from (select * from old union all select * from new) f
          cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
          group by 1, 2, 3 having sum(f.amount) <> 0),
        year_change as (
          select org_unit_id, kind || '@year' as kind, make_date(extract(year from day)::int, 1, 1) as day,
            sum(total) as total
          from change where kind like 'status:%' group by 1, 2, 3 having sum(total) <> 0)
        insert into org_fact_counts (org_unit_id, kind, day, total)
        select org_unit_id, kind, day, total
        from (select * from change union all select * from year_change) c order by 1, 2, 3
        on conflict (org_unit_id, kind, day) do update set total = org_fact_counts.total + excluded.total;
  ELSE
    IF EXISTS (SELECT 1 FROM resolution_plans)
      AND NOT EXISTS (SELECT 1 FROM placed_facts WHERE source = 'dissemination') THEN
      with old as (
            delete from placed_facts where source = 'dissemination' and source_id in (select id from org_units)
            returning kind, day, -amount as amount, path),
          new as (
            insert into placed_facts (source, source_id, kind, day, amount, path)
            select 'dissemination', source_id, kind, day, amount, path
            from (
        select h.org_unit_id as source_id, 'dissemination:' || p.resolution_id || ':' || f.flag as kind,
          f.day, f.amount, h.path
        from org_unit_history h
        join resolution_plans p on h.kind = any(p.unit_kinds) and h.valid_from <= p.study_deadline
          and h.path ~ ('*.' || p.target_unit_id || '.*')::lquery
        left join lateral (select min(x.held_on) as held_on from dissemination_sessions x
          where x.resolution_id = p.resolution_id and x.org_unit_id = h.org_unit_id) s on true
        left join action_programmes a on a.resolution_id = p.resolution_id
          and a.org_unit_id = h.org_unit_id
        cross join lateral (select
            case when h.valid_to <= p.study_deadline then h.valid_to end as ends,
            greatest(h.valid_from, s.held_on) as held_from,
            greatest(h.valid_from, a.issued_on) as ap_from) e
        cross join lateral (values
          ('required', h.valid_from, 1::bigint, true),
          ('required', e.ends, -1::bigint, true),
          ('held', e.held_from, 1::bigint,
            s.held_on is not null and e.held_from < coalesce(e.ends, 'infinity'::date)),
          ('held', e.ends, -1::bigint,
            s.held_on is not null and e.held_from < coalesce(e.ends, 'infinity'::date)),
          ('action_programme', e.ap_from, 1::bigint,
            a.issued_on is not null and e.ap_from < coalesce(e.ends, 'infinity'::date)),
          ('action_programme', e.ends, -1::bigint,
            a.issued_on is not null and e.ap_from < coalesce(e.ends, 'infinity'::date))
        ) as f(flag, day, amount, holds)
        where h.org_unit_id in (select id from org_units) and f.holds and f.day is not null) t
            returning kind, day, amount, path),
          change as (
            select a.id::int as org_unit_id, f.kind, f.day, sum(f.amount) as total
            from (select * from old union all select * from new) f
            cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
            group by 1, 2, 3 having sum(f.amount) <> 0),
          year_change as (
            select org_unit_id, kind || '@year' as kind, make_date(extract(year from day)::int, 1, 1) as day,
              sum(total) as total
            from change where kind like 'status:%' group by 1, 2, 3 having sum(total) <> 0)
          insert into org_fact_counts (org_unit_id, kind, day, total)
          select org_unit_id, kind, day, total
          from (select * from change union all select * from year_change) c order by 1, 2, 3
          on conflict (org_unit_id, kind, day) do update set total = org_fact_counts.total + excluded.total;
    END IF;
    with old as (
          delete from placed_facts where source = 'member' and source_id in (select x.member_id from (
               select member_id, 'badge' as kind from badge_awards
               union select member_id, 'card_issued' from party_card_events where action = 'issued') x
             where not exists (select 1 from placed_facts f where f.source = 'member'
               and f.source_id = x.member_id and f.kind = x.kind))
          returning kind, day, -amount as amount, path),
        new as (
          insert into placed_facts (source, source_id, kind, day, amount, path)
          select 'member', source_id, kind, day, amount, path
          from (
      select e.member_id as source_id, e.kind, e.event_date as day, 1::bigint as amount, pi.path
      from (select e.*, coalesce(e.org_unit_id,
              (
      select p.org_unit_id from member_periods p where p.member_id = e.member_id and p.valid_from < e.event_date
      order by p.valid_from desc limit 1)) as placed_unit
            from member_events e where e.member_id in (select x.member_id from (
               select member_id, 'badge' as kind from badge_awards
               union select member_id, 'card_issued' from party_card_events where action = 'issued') x
             where not exists (select 1 from placed_facts f where f.source = 'member'
               and f.source_id = x.member_id and f.kind = x.kind))) e
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = e.placed_unit
        and pi.valid_from <= e.event_date and (pi.valid_to is null or pi.valid_to > e.event_date)
      union all
      select piece.member_id, 'status:' || piece.status, d.day, d.delta, piece.path
      from (
        select p.member_id, p.status, h.path, greatest(p.valid_from, h.valid_from) as starts,
          case when p.valid_to is null then h.valid_to when h.valid_to is null then p.valid_to
               else least(p.valid_to, h.valid_to) end as ends
        from member_periods p
        join org_unit_history h on h.org_unit_id = p.org_unit_id
          and h.valid_from < coalesce(p.valid_to, 'infinity'::date)
          and coalesce(h.valid_to, 'infinity'::date) > p.valid_from
        where p.member_id in (select x.member_id from (
               select member_id, 'badge' as kind from badge_awards
               union select member_id, 'card_issued' from party_card_events where action = 'issued') x
             where not exists (select 1 from placed_facts f where f.source = 'member'
               and f.source_id = x.member_id and f.kind = x.kind)) and p.status in ('probationary', 'full', 'exempted', 'suspended')) piece
      cross join lateral (values (piece.starts, 1::bigint), (piece.ends, -1::bigint)) as d(day, delta)
      where d.day is not null and piece.starts < coalesce(piece.ends, 'infinity'::date)
      union all
      select f.member_id, 'dues'::text, f.paid_on, f.amount::bigint, pi.path
      from dues_payments f
      join member_periods p on p.member_id = f.member_id
        and p.valid_from <= f.paid_on and (p.valid_to is null or p.valid_to > f.paid_on)
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = p.org_unit_id
        and pi.valid_from <= f.paid_on and (pi.valid_to is null or pi.valid_to > f.paid_on)
      where f.member_id in (select x.member_id from (
               select member_id, 'badge' as kind from badge_awards
               union select member_id, 'card_issued' from party_card_events where action = 'issued') x
             where not exists (select 1 from placed_facts f where f.source = 'member'
               and f.source_id = x.member_id and f.kind = x.kind)) 
      union all
      select f.member_id, 'badge'::text, f.award_date, 1::bigint, pi.path
      from badge_awards f
      join member_periods p on p.member_id = f.member_id
        and p.valid_from <= f.award_date and (p.valid_to is null or p.valid_to > f.award_date)
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = p.org_unit_id
        and pi.valid_from <= f.award_date and (pi.valid_to is null or pi.valid_to > f.award_date)
      where f.member_id in (select x.member_id from (
               select member_id, 'badge' as kind from badge_awards
               union select member_id, 'card_issued' from party_card_events where action = 'issued') x
             where not exists (select 1 from placed_facts f where f.source = 'member'
               and f.source_id = x.member_id and f.kind = x.kind)) 
      union all
      select f.member_id, 'card_issued'::text, f.action_date, 1::bigint, pi.path
      from party_card_events f
      join member_periods p on p.member_id = f.member_id
        and p.valid_from <= f.action_date and (p.valid_to is null or p.valid_to > f.action_date)
      join (
      select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
      union all
      select o.id, '0001-01-01'::date, f.first_from, o.path
      from org_units o left join (
        select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
        on f.org_unit_id = o.id) pi on pi.unit_id = p.org_unit_id
        and pi.valid_from <= f.action_date and (pi.valid_to is null or pi.valid_to > f.action_date)
      where f.member_id in (select x.member_id from (
               select member_id, 'badge' as kind from badge_awards
               union select member_id, 'card_issued' from party_card_events where action = 'issued') x
             where not exists (select 1 from placed_facts f where f.source = 'member'
               and f.source_id = x.member_id and f.kind = x.kind)) and f.action = 'issued') t
          returning kind, day, amount, path),
        change as (
          select a.id::int as org_unit_id, f.kind, f.day, sum(f.amount) as total
          from (select * from old union all select * from new) f
          cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
          group by 1, 2, 3 having sum(f.amount) <> 0),
        year_change as (
          select org_unit_id, kind || '@year' as kind, make_date(extract(year from day)::int, 1, 1) as day,
            sum(total) as total
          from change where kind like 'status:%' group by 1, 2, 3 having sum(total) <> 0)
        insert into org_fact_counts (org_unit_id, kind, day, total)
        select org_unit_id, kind, day, total
        from (select * from change union all select * from year_change) c order by 1, 2, 3
        on conflict (org_unit_id, kind, day) do update set total = org_fact_counts.total + excluded.total;
  END IF;
END
$backfill$;
