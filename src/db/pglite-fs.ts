import { fdatasyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite's directory store, made to keep what PostgreSQL acknowledged.
 *
 * What PGlite 0.5 does by default (read off its code and measured with strace):
 * - it starts PostgreSQL with `-F` (fsync off), and Emscripten's NODEFS has no `fsync`
 *   operation at all, so even with fsync on no byte is ever flushed to the disk;
 * - PostgreSQL's default WAL sync (`fdatasync`) is a no-op stub under Emscripten.
 * Writes still reach the kernel at once (NODEFS writes through with pwrite), so a killed
 * process loses nothing the kernel holds; a power cut or a kernel crash can lose the last
 * commits and tear pages.
 *
 * Here: fsync is on, WAL is flushed with `fsync` (which Emscripten routes to the stream's
 * fsync operation), and that operation calls fdatasync(2) on the real file. A commit is
 * acknowledged only after its WAL is on the disk, as on a PostgreSQL server.
 * `durability: 'kernel'` keeps PGlite's own behaviour (faster, survives a killed process only).
 */
export type PgliteDurability = 'disk' | 'kernel';

// PGlite's own start parameters (PGlite.defaultStartParams in 0.5.17) without `-F`.
const START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
];

export function startParams(durability: PgliteDurability): string[] {
  return durability === 'disk' ? [...START_PARAMS, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'] : [...START_PARAMS.slice(0, 1), '-F', ...START_PARAMS.slice(1)];
}

interface EmscriptenStream {
  nfd?: number;
}
interface EmscriptenModule {
  NODEFS: { stream_ops: Record<string, unknown> };
  FS: { ErrnoError: new (errno: number) => Error };
  ERRNO_CODES?: Record<string, number>;
}

// errno values of Emscripten's libc (musl) for the failures PostgreSQL must hear about.
const EIO = 29;
const ENOSPC = 51;

export class SyncedNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Record<string, any>) {
    const r = await super.init(pg, opts);
    const preRun = r.emscriptenOpts.preRun as Array<(mod: EmscriptenModule) => void>;
    preRun.unshift((mod) => {
      mod.NODEFS.stream_ops.fsync = (stream: EmscriptenStream) => {
        if (stream.nfd === undefined) return 0;
        try {
          fdatasyncSync(stream.nfd);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          // A flush that failed means the data may not be on disk: PostgreSQL must see it
          // (it stops rather than acknowledge). A descriptor that cannot be flushed
          // (a directory on some file systems) is not a loss.
          if (code === 'EIO') throw new mod.FS.ErrnoError(EIO);
          if (code === 'ENOSPC' || code === 'EDQUOT') throw new mod.FS.ErrnoError(ENOSPC);
        }
        return 0;
      };
    });
    return r;
  }
}
