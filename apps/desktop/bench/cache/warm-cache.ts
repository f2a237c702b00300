// Builds a warm cache file (an org, lives and their watch stats) through the Cache API, as a full
// sync would leave it. Reused by the services start-up benchmark. A build takes a while, so the
// result is kept as a template in the OS temp folder, keyed by the size and the source of what the
// cache stores and of this generator: later calls copy it (a change to a query reuses it; a change
// to the schema or a write path builds anew, see sourceHash).
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openCache, type Cache } from '../../src/services/cache/index.ts';
import { generateLives, generateOrg, watchPages } from './generate.ts';

export interface WarmCacheSize {
  users: number;
  departments: number;
  watchRows: number;
  /** number of lives the watch rows are spread over (default: one per 2,500 rows, at least 20) */
  lives?: number;
  seed?: number;
  /** rows per appended watch page (default 500, as get_watch_stat pages) */
  pageSize?: number;
}

export interface WarmCache {
  file: string;
  userids: string[];
  departmentIds: number[];
  lives: Array<{ livingid: string; viewers: number; livingStart: number }>;
  /** unix seconds the data is built around (the newest live is on at this time) */
  now: number;
  timings: { orgMs: number; livesMs: number; watchMs: number };
  /** true when copied from a template built earlier (timings are the template's) */
  reused: boolean;
}

const NOW = 1_793_930_400; // 2026-11-02 10:00 Beijing

const CACHE_SOURCE = join(import.meta.dirname, '../../src/services/cache');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * Cache modules that only read (queries shaped for the screens) or only declare types: the data a
 * build stores does not depend on them, so editing a query reuses the templates. Everything else in
 * the cache folder counts: the migrations (the schema), the write paths (org, lives, watch rows,
 * merge) and what they compute as they write (search text, aggregates, live summaries), and the
 * connection set-up. A file not listed here counts, so a new write path is never missed; a module
 * listed here must never write what a build keeps.
 */
const READ_ONLY = new Set(
  [
    'watch-reads.ts',
    'live-analytics.ts',
    'dashboard.ts',
    'department-paths.ts',
    'org-reads.ts',
    'user-rows.ts',
    'reach.ts',
    'maintenance.ts',
    'user-name-order.ts',
    'watch-sorted-pages.ts',
    'binary-order.ts',
    'division-sums.ts',
    'department-sums.ts',
    'audience-members.ts',
    'types.ts',
    'types/org-cache.ts',
    'types/lives-cache.ts',
    'types/watch-cache.ts',
    'types/reads.ts',
    'types/bookkeeping-cache.ts',
    'types/messages-cache.ts',
    'types/notices-cache.ts',
    'types/options.ts',
    'types/records.ts',
    'types/wire.ts',
  ].map((name) => join(CACHE_SOURCE, name)),
);

/**
 * Changes with any change to what a build stores: the cache's code that writes or shapes the data
 * (everything but READ_ONLY), the generators and the build code of both templates.
 */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const path of [
    ...sourceFiles(CACHE_SOURCE)
      .filter((path) => !READ_ONLY.has(path))
      .sort(),
    join(import.meta.dirname, 'generate.ts'),
    join(import.meta.dirname, 'scale-cache.ts'),
    import.meta.filename,
  ]) {
    hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 12);
}

const TEMPLATES = join(tmpdir(), 'wld-warm-cache');
/** A template of other code unused this long is removed when a template is built. */
const TEMPLATE_UNUSED_MS = 6 * 3600_000;

/**
 * Puts a warm cache at `file` (replacing any file there), closed. `reuse: false` always builds.
 */
export async function buildWarmCache(
  file: string,
  size: WarmCacheSize,
  options: { reuse?: boolean } = {},
): Promise<WarmCache> {
  if (options.reuse === false) {
    removeCache(file);
    mkdirSync(dirname(file), { recursive: true });
    return { ...(await build(file, size)), file };
  }
  return fromTemplate(file, size, async (target) => {
    const { file: _built, reused: _reused, ...meta } = await build(target, size);
    return meta;
  });
}

function removeCache(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
}

/**
 * Copies the template of `key` (built by `build` into the path it is given, unless built earlier by
 * the same code) to `file`, with the metadata `build` returned and `reused` (true when built earlier).
 */
export async function fromTemplate<T extends object>(
  file: string,
  key: unknown,
  build: (target: string) => Promise<T>,
  folder = TEMPLATES,
): Promise<T & { file: string; reused: boolean }> {
  removeCache(file);
  mkdirSync(dirname(file), { recursive: true });
  const source = sourceHash();
  const sizeKey = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 12);
  const template = join(folder, `${source}-${sizeKey}`);
  const reused = existsSync(`${template}.json`);
  if (reused) {
    // marks the template as in use (see the pruning below)
    const at = new Date(performance.timeOrigin + performance.now());
    utimesSync(`${template}.json`, at, at);
  } else {
    // templates of other code go once unused for a while (each holds a whole cache); several
    // checkouts of different code share the folder, so one in use by another is kept
    mkdirSync(folder, { recursive: true });
    const unusedSince = performance.timeOrigin + performance.now() - TEMPLATE_UNUSED_MS;
    for (const name of readdirSync(folder)) {
      if (name.startsWith(`${source}-`)) continue;
      // a template's .json marks its use; a build under way (.building) is written to all along
      const json = join(folder, `${name.replace(/\.[a-z]+$/, '')}.json`);
      const mark = name.endsWith('.building') || !existsSync(json) ? join(folder, name) : json;
      if (statSync(mark).mtimeMs < unusedSince) rmSync(join(folder, name), { force: true });
    }
    removeCache(`${template}.building`);
    const built = await build(`${template}.building`);
    renameSync(`${template}.building`, `${template}.sqlite`);
    writeFileSync(`${template}.json`, JSON.stringify(built));
  }
  copyFileSync(`${template}.sqlite`, file);
  // on disk before anything is measured: a cache in use has no gigabyte of the copy's pages waiting
  // to be written, which a checkpoint's fsync of the same file would otherwise write (and be timed)
  const copied = openSync(file, 'r+');
  try {
    fsyncSync(copied);
  } finally {
    closeSync(copied);
  }
  const meta = JSON.parse(readFileSync(`${template}.json`, 'utf8')) as T;
  return { ...meta, file, reused };
}

async function build(file: string, size: WarmCacheSize): Promise<WarmCache> {
  removeCache(file);
  const seed = size.seed ?? 7;
  const pageSize = size.pageSize ?? 500;
  const fetchedAt = NOW * 1000;
  const cache: Cache = openCache(file, { now: () => fetchedAt });
  try {
    let started = performance.now();
    const org = generateOrg(seed, size);
    const generation = cache.beginOrgSync({ include: ['departments', 'users'] });
    cache.upsertDepartments(org.departments, fetchedAt);
    for (let i = 0; i < org.users.length; i += 5000)
      cache.upsertUsers(org.users.slice(i, i + 5000), fetchedAt);
    cache.finishOrgSync(generation, fetchedAt);
    const orgMs = performance.now() - started;

    started = performance.now();
    const userids = org.users.map((u) => u.userid);
    const anchors = userids.filter((_, i) => i % 997 === 0).slice(0, 40);
    const liveCount = size.lives ?? Math.max(20, Math.round(size.watchRows / 2500));
    const lives = generateLives(seed, liveCount, size.watchRows, NOW, anchors);
    cache.upsertLives(
      lives.map((l) => l.info),
      fetchedAt,
    );
    // a few reserved lives ahead, for the home page
    cache.upsertLives(
      [1, 2, 3].map((d) => ({
        livingid: `upcoming${d}`,
        theme: `预约直播${d}`,
        anchor_userid: anchors[0] ?? 'anchor',
        living_start: NOW + d * 86400,
        living_duration: 3600,
        status: 0,
      })),
      fetchedAt,
    );
    const livesMs = performance.now() - started;

    started = performance.now();
    lives.forEach((live, i) => {
      const pages = [...watchPages(seed * 1000 + i, live, userids, pageSize)];
      if (pages.length === 0) {
        cache.finishWatch(live.info.livingid, fetchedAt);
        return;
      }
      let key = '0';
      pages.forEach((page, p) => {
        const next = String(p + 1);
        cache.appendWatchPage(
          live.info.livingid,
          page,
          { nextKey: next, ending: p === pages.length - 1 ? 1 : 0, fromKey: key },
          fetchedAt,
        );
        key = next;
      });
    });
    const watchMs = performance.now() - started;
    cache.setSyncState('lives', { status: 'done', fetchedAt });
    cache.setSyncState('watch', { status: 'done', fetchedAt });

    return {
      file: cache.path,
      userids,
      departmentIds: org.departments.map((d) => d.id),
      lives: lives.map((l) => ({
        livingid: l.info.livingid,
        viewers: l.viewers,
        livingStart: l.info.living_start,
      })),
      now: NOW,
      timings: { orgMs, livesMs, watchMs },
      reused: false,
    };
  } finally {
    cache.close();
  }
}
