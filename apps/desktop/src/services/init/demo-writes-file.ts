// The Demo's WeCom keeps what the app wrote to it (lives created or changed, messages, app group
// chats, calendar entries) in the Demo profile's folder, so that after a restart they are still in
// WeCom, as in a real corp: a live made yesterday can be edited, a message of an hour ago recalled,
// and the simulator gives no id out twice. Saved shortly after each write (a temporary file renamed
// over the last one) and on close.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseSimWrites, type SimWrites } from '@wld/wecom-sim';
import type { CoreLog } from '../core/core-state.ts';

/** Writes that come together (a sync's reminders, a repeat's lives) are saved once. */
const SAVE_DELAY_MS = 300;

export interface DemoWritesFile {
  /** The saved writes of the Demo over `seed`; null when there are none yet, or the file could not be used (it is then set aside and logged). */
  read(seed: number): SimWrites | null;
  /** Saves `current()` soon (the simulator's onWrite). */
  changed(): void;
  /** Saves now if anything changed; before the simulator closes. */
  flush(): Promise<void>;
}

export function demoWritesFile(path: string, current: () => SimWrites | null, log: CoreLog): DemoWritesFile {
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let saving: Promise<void> = Promise.resolve();

  const save = async () => {
    if (!dirty) return;
    const writes = current();
    if (!writes) return;
    dirty = false;
    const temporary = `${path}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(temporary, JSON.stringify(writes));
      await rename(temporary, path);
    } catch (error) {
      dirty = true;
      log('warn', `The Demo's WeCom data could not be saved to ${path} (${error instanceof Error ? error.message : String(error)}); it is tried again at the next change`);
    }
  };
  // one save at a time, in order
  const queueSave = () => (saving = saving.then(save));

  return {
    read(seed) {
      if (!existsSync(path)) return null;
      let reason: string;
      try {
        const parsed = parseSimWrites(JSON.parse(readFileSync(path, 'utf8')));
        if (!('writes' in parsed)) reason = parsed.error;
        else if (parsed.writes.seed !== seed) reason = `they are of another Demo corp (seed ${parsed.writes.seed}, not ${seed})`;
        else return parsed.writes;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      const aside = `${path}.unreadable`;
      let kept = `the file was kept as ${aside}`;
      try {
        renameSync(path, aside);
      } catch (error) {
        kept = `the file could not be set aside (${error instanceof Error ? error.message : String(error)}) and the next write replaces it`;
      }
      log('warn', `The Demo's saved WeCom data could not be read (${reason}): the Demo starts from its generated data, and ${kept}`);
      return null;
    },
    changed() {
      dirty = true;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void queueSave();
      }, SAVE_DELAY_MS);
      timer.unref();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      await queueSave();
    },
  };
}
