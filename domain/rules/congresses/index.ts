// Congresses and elections (đại hội, bầu cử trong Đảng), docs/domain/congresses.md. Pure functions
// the congress services and pages call; every refusal is a list of Vietnamese messages, never a throw.
//
//   countElection(input)            → ElectionCount | { ok: false, errors }
//       one round of a secret-ballot election from aggregate figures: seats (số lượng cần bầu),
//       candidates, the majority base (đảng viên / đại biểu làm căn cứ), ballots issued / returned /
//       valid / invalid, votes per candidate → per candidate votes, shares, elected / not elected /
//       tied; seats filled and left; the further round (tie or shortfall) and among whom.
//       Quy chế 244-QĐ/TW (2014) or 190-QĐ/TW (2024) by `heldOn`.
//   checkElectionInput(input)       → string[] (the same consistency checks, for forms)
//   votesNeeded(base)               → the smallest count over half of `base`
//   electionRuleSetFor(date)        → the Quy chế in force on a date, or null before 9/6/2014
//   congressKind(input)             → đại hội đảng viên / đại biểu for a cell, grassroots or upper
//                                     committee on a date (round 2020–2025 or 2025–2030)
//   congressRoundFor(date)          → the round (Chỉ thị 35-CT/TW or 45-CT/TW) of a congress date
//   committeeStructure(members, on) → counts and shares: young, women, ethnic minority, re-elected;
//                                     the three age groups (under 40, 40–50, over 50); education
//   structureGaps(structure, plan)  → the gaps against the personnel plan, Vietnamese messages
//   directiveStructureGoals(r, lvl) → the goals a round's directive states, as a plan (what was read)
//   congressTimeliness(held, due)   → on schedule / late by N days
//   directiveDeadline(round, level) → the directive's last day for a level, or null (not read)
export * from './committee-structure';
export * from './congress-kind';
export * from './election';
export * from './timeliness';
