import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { WITH_AUDIENCE } from '../../src/services/cache/audience.ts';
import { USER_COLUMNS } from '../../src/services/cache/user-rows.ts';
const meta = JSON.parse(readFileSync('/tmp/wld-warm/meta.json', 'utf8'));
const db = new Database('/tmp/wld-warm/cache.sqlite');
const live = meta.lives[5].livingid;
const liveId = db.prepare('SELECT id FROM lives WHERE livingid=?').pluck().get(live);
db.prepare(`INSERT OR REPLACE INTO live_audience (livingid, userids, department_ids, tag_ids, set_at) VALUES (?, '[]', '[5]', '[]', 0)`).run(live);
const plan = (sql: string, params: any) => console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql).all(params).map((r: any) => `${r.id}/${r.parent} ${r.detail}`).slice(-8).join('\n'), '\n---');
const time = (label: string, sql: string, params: any) => { let t = performance.now(); let r = db.prepare(sql).all(params); t = performance.now(); r = db.prepare(sql).all(params); console.log(label, (performance.now() - t).toFixed(1), 'ms', r.length); };
const attendance = `${WITH_AUDIENCE} SELECT count(*) AS audience, sum(EXISTS (SELECT 1 FROM watch_internal w WHERE w.live_id = :liveId AND w.userid = m.userid)) AS attended FROM audience m`;
plan(attendance, { livingid: live, liveId });
time('attendance', attendance, { livingid: live, liveId });
const abs = `${WITH_AUDIENCE}
         SELECT ${USER_COLUMNS}, COALESCE(u.home_department, 0) AS home, COALESCE(d.name, '') AS department_name
         FROM audience m CROSS JOIN users u ON u.id = m.id LEFT JOIN departments d ON d.id = u.home_department
         WHERE NOT EXISTS (SELECT 1 FROM watch_internal w WHERE w.live_id = :liveId AND w.userid = m.userid)
         ORDER BY department_name, home, u.name, u.userid`;
plan(abs, { livingid: live, liveId });
time('absentees', abs, { livingid: live, liveId });
