// Expands a live's stored audience (userids, departments with their subtrees, tags with their users
// and departments) to users. Disabled (2) and departed (5) users are not expected to attend.
// CROSS JOINs fix the join order: start from the few picked ids, never scan the org.

/**
 * A WITH clause defining \`audience(id, userid)\`: the distinct expected members of the live
 * \`:livingid\`. Follow it with a SELECT that starts FROM audience.
 */
export const WITH_AUDIENCE = `
  WITH a AS MATERIALIZED (SELECT userids, department_ids, tag_ids FROM live_audience WHERE livingid = :livingid),
  picked_departments AS MATERIALIZED (
    SELECT j.value AS department_id FROM a CROSS JOIN json_each(a.department_ids) j
    UNION
    SELECT td.department_id FROM a CROSS JOIN json_each(a.tag_ids) t CROSS JOIN tag_departments td ON td.tagid = t.value
  ),
  members AS MATERIALIZED (
    SELECT u.id, u.userid, u.status FROM a CROSS JOIN json_each(a.userids) j CROSS JOIN users u ON u.userid = j.value
    UNION
    SELECT u.id, u.userid, u.status FROM a CROSS JOIN json_each(a.tag_ids) t
      CROSS JOIN tag_users tu ON tu.tagid = t.value CROSS JOIN users u ON u.userid = tu.userid
    UNION
    SELECT u.id, u.userid, u.status FROM picked_departments p
      CROSS JOIN department_members m ON m.department_id = p.department_id
      CROSS JOIN users u ON u.id = m.user_id
  ),
  audience AS MATERIALIZED (SELECT id, userid FROM members WHERE status NOT IN (2, 5))`;
