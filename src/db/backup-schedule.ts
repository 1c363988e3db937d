import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { backupDirOf } from './connect.ts';
import { defaultBackupFile } from './backup.ts';

export interface BackupScheduleOptions {
  /** The embedded database directory. */
  dir: string;
  everyHours: number;
  keep: number;
  /** Takes one backup into `file` (the node's audited backup). */
  take: (file: string) => Promise<unknown>;
  onError: (err: unknown) => void;
  now?: () => Date;
  /** How often to look whether one is due (default hourly), and the first look (default a minute after start). */
  checkEveryMs?: number;
  firstCheckMs?: number;
}

/** The backups this node wrote by default for `dir`, oldest first: `<name>-<UTC stamp>.tar.gz`. */
export function listBackups(dir: string): { file: string; mtimeMs: number }[] {
  const folder = backupDirOf(dir);
  if (!existsSync(folder)) return [];
  const pattern = new RegExp(`^${path.basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}T\\d{6}Z\\.tar\\.gz$`);
  return readdirSync(folder)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => ({ file: path.join(folder, f), mtimeMs: statSync(path.join(folder, f)).mtimeMs }));
}

/**
 * One step of the schedule: a backup when the newest is older than `everyHours`, then the oldest
 * beyond `keep` removed (only files of the default name; a backup written elsewhere is never touched).
 * Returns the file written, or null when none was due.
 */
export async function backupIfDue(o: Pick<BackupScheduleOptions, 'dir' | 'everyHours' | 'keep' | 'take' | 'now'>): Promise<string | null> {
  const now = (o.now ?? (() => new Date()))();
  const newest = listBackups(o.dir).at(-1);
  if (newest && now.getTime() - newest.mtimeMs < o.everyHours * 3_600_000) return null;
  const file = defaultBackupFile(o.dir, now);
  await o.take(file);
  const all = listBackups(o.dir);
  for (const old of all.slice(0, Math.max(0, all.length - o.keep))) rmSync(old.file, { force: true });
  return file;
}

/** Starts the schedule; the returned function stops it and waits for a backup under way. */
export function startBackupSchedule(o: BackupScheduleOptions): () => Promise<void> {
  if (o.everyHours <= 0) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = backupIfDue(o).catch(o.onError);
  };
  const first = setTimeout(tick, o.firstCheckMs ?? 60_000);
  const every = setInterval(tick, o.checkEveryMs ?? 3_600_000);
  first.unref();
  every.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}
