// Expands a live's stored audience (userids, departments with their subtrees, tags with their users
// and departments) to users. Disabled (2) and departed (5) users are not expected to attend.

/** SQL yielding `id` (users.id) of every audience member of the live with livingid `:livingid`. */
export const AUDIENCE_MEMBERS = `
  WITH a AS (SELECT userids, department_ids, tag_ids FROM live_audience WHERE livingid = :livingid),
  picked_departments AS (
    SELECT j.value AS department_id FROM a, json_each(a.department_ids) j
    UNION
    SELECT td.department_id FROM a, json_each(a.tag_ids) t JOIN tag_departments td ON td.tagid = t.value
  ),
  members AS (
    SELECT u.id FROM a, json_each(a.userids) j JOIN users u ON u.userid = j.value
    UNION
    SELECT u.id FROM a, json_each(a.tag_ids) t
      JOIN tag_users tu ON tu.tagid = t.value JOIN users u ON u.userid = tu.userid
    UNION
    SELECT ud.user_id FROM picked_departments p
      JOIN dept_closure c ON c.ancestor = p.department_id
      JOIN user_departments ud ON ud.department_id = c.descendant
  )
  SELECT u.id FROM members m JOIN users u ON u.id = m.id WHERE u.status NOT IN (2, 5)`;
