import Database from 'better-sqlite3';
const db = new Database('/tmp/wld-warm/cache.sqlite');
db.pragma('cache_size = -65536');
let t = performance.now();
console.log(db.prepare('SELECT count(*) FROM live_dept_summary').pluck().get());
db.transaction(() => {
db.prepare('DELETE FROM live_dept_summary').run();
console.log('delete', (performance.now() - t).toFixed(0)); t = performance.now();
db.prepare(`INSERT INTO live_dept_summary (live_id, department_id, viewers, watch_seconds, completion_sum)
             SELECT w.live_id, COALESCE(u.home_department, 0), count(*), sum(w.watch_time),
                    COALESCE(sum(CASE WHEN l.living_duration > 0 THEN min(1.0, w.watch_time * 1.0 / l.living_duration) END), 0)
             FROM watch_internal w
               JOIN lives l ON l.id = w.live_id
               LEFT JOIN users u ON u.userid = w.userid
             GROUP BY w.live_id, 2`).run();
console.log('rebuild', (performance.now() - t).toFixed(0)); t = performance.now();
})();
console.log('commit', (performance.now() - t).toFixed(0));
