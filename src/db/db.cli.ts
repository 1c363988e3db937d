import type { Command } from '../cli/command.ts';
import { EXIT, UsageError } from '../cli/output.ts';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { checkpointPlace } from '../audit/checkpoint-store.ts';
import { backup, defaultBackupFile, embeddedDir, restore, stamp } from './backup.ts';

/** Moves the checkpoint file aside; returns where, and the last head it had signed. */
function setAside(file: string, when: string): { movedTo: string; lastSeq: number | null; lastHash: string | null } | null {
  if (file === 'memory' || !existsSync(file)) return null;
  const last = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as { seq?: number; hash?: string };
      } catch {
        return {};
      }
    })
    .filter((c) => typeof c.seq === 'number')
    .sort((a, b) => a.seq! - b.seq!)
    .at(-1);
  const movedTo = `${file}.before-restore-${when}`;
  renameSync(file, movedTo);
  return { movedTo, lastSeq: last?.seq ?? null, lastHash: last?.hash ?? null };
}

export const databaseCommands: Command[] = [
  {
    name: 'backup',
    summary: 'A consistent copy of the embedded database, taken through the running node if one holds it',
    usage:
      'ribat backup [--out FILE] [--json]\n  Default FILE: data/backups/<name>-<UTC time>.tar.gz beside the database. Works while `ribat start` runs:\n  the node takes the copy between two transactions. For PostgreSQL use pg_dump or pg_basebackup.',
    options: { out: { type: 'string' } },
    async run(ctx, v) {
      const dir = embeddedDir(ctx.config.databaseUrl, 'backup');
      const r = await backup(ctx.config.databaseUrl, v.out ?? defaultBackupFile(dir), async (file) => (await ctx.services()).backup(file));
      ctx.out.result(r, `backup written to ${r.file} (${r.bytes} bytes, sha256 ${r.sha256}${r.via === 'server' ? ', taken by the running node' : ''})`);
      return EXIT.ok;
    },
  },
  {
    name: 'restore',
    summary: 'Replace the embedded database with a backup (the node must be stopped; the old folder is kept)',
    usage: 'ribat restore FILE [--json]\n  Checks that FILE opens as a Ribat database before anything changes, then moves the current folder\n  aside as <dir>.before-restore-<time> and puts the backup in its place. Refused while a process holds the database.',
    options: {},
    positionals: 1,
    async run(ctx, _v, positionals) {
      if (!positionals[0]) throw new UsageError('ribat restore FILE');
      const r = await restore(ctx.config.databaseUrl, positionals[0]);
      // The restored log ends where the backup ended: the checkpoints signed after it describe a
      // history that is no longer there. They move aside (kept for the data-protection officer),
      // and the restore's own audit entry says which head they had reached.
      const place = checkpointPlace({ file: ctx.config.auditCheckpointFile, keyFile: ctx.config.auditKeyFile, databaseUrl: ctx.config.databaseUrl, warn: (m) => ctx.out.info(m) });
      const checkpoints = setAside(place.store.location, r.previous ? path.basename(r.previous).split('.before-restore-')[1] : stamp(new Date()));
      const s = await ctx.services();
      await s.conn.db.transaction().execute((trx) =>
        s.audit.append(trx, null, { action: 'database.restored', targetType: 'database', details: { from: r.from, sha256: r.sha256, previous: r.previous, checkpoints } }),
      );
      const result = { ...r, checkpoints };
      ctx.out.result(
        result,
        `restored ${r.dir} from ${r.from}${r.previous ? `; the folder that was there is now ${r.previous}` : ''}${checkpoints ? `; audit checkpoints up to entry ${checkpoints.lastSeq ?? '?'} moved to ${checkpoints.movedTo}` : ''}`,
      );
      return EXIT.ok;
    },
  },
];
