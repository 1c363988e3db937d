import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors.ts';

/**
 * One process at a time on an embedded database directory.
 *
 * PGlite runs PostgreSQL in single-user mode inside this process: a second process that opens
 * the same directory runs a second PostgreSQL on the same files, and neither knows (the
 * `postmaster.pid` it writes names the WebAssembly process, not ours). Writes of the one are
 * lost when the other checkpoints, and a kill while both are open can leave files that no
 * longer open. So the holder listens on a Unix socket that belongs to the directory: the
 * kernel closes it when the process dies however it dies (kill -9 included), which a lock file
 * with a pid cannot promise. A second process that finds the socket answering is refused with
 * `database_in_use` and told who holds it; one that finds it dead takes it over.
 *
 * The socket is also the holder's control channel for the local administrator (the socket is
 * created with mode 0600 beside the database's directory): `ribat backup` goes through it while
 * the server runs, so the copy is taken by the one process that may read the files.
 */

export interface Holder {
  pid: number;
  /** The command that opened the directory: `ribat start`, `ribat token create`, … */
  command: string;
  since: string;
  /** Where the holder serves the API, once it listens. */
  url?: string;
}

export type ControlHandler = (request: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface DirectoryLock {
  readonly socketPath: string;
  readonly holder: Holder;
  /** Answers control requests `{ op, … }` from other local processes. */
  handle(op: string, handler: ControlHandler): void;
  release(): Promise<void>;
}

/**
 * The socket of a directory: beside it (`data/.ribat.sock` for `data/ribat`; not inside, where
 * PGlite's backup would try to read it) when the path fits a socket address (108 bytes), else a
 * digest of the path under the temp folder.
 */
export function socketPathOf(dir: string): string {
  const abs = path.resolve(dir);
  const inside = path.join(path.dirname(abs), `.${path.basename(abs)}.sock`);
  if (Buffer.byteLength(inside) < 100) return inside;
  return path.join(os.tmpdir(), `ribat-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 20)}.sock`);
}

export function inUse(dir: string, holder: Partial<Holder> | undefined): AppError {
  const who = holder?.pid
    ? `process ${holder.pid}${holder.command ? ` (${holder.command}` : ' ('}${holder.since ? `, since ${holder.since}` : ''})${holder.url ? `, serving ${holder.url}` : ''}`
    : 'another process';
  return new AppError(
    'database_in_use',
    409,
    `The embedded database ${dir} is open in ${who}. Only one process may open it: stop that process first, or go through its API${holder?.url ? ` at ${holder.url}` : ''}.`,
    { holder: holder ?? null },
  );
}

/** Sends one control request to the holder of `socketPath`; rejects with the socket error when nobody listens. */
export function ask(socketPath: string, request: Record<string, unknown>, timeoutMs = 600_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(socketPath);
    let buf = '';
    const timer = setTimeout(() => sock.destroy(new Error('the database holder did not answer in time')), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(`${JSON.stringify(request)}\n`));
    sock.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      sock.end();
      try {
        resolve(JSON.parse(buf.slice(0, nl)));
      } catch (e) {
        reject(e);
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    sock.on('close', () => {
      clearTimeout(timer);
      if (!buf.includes('\n')) reject(Object.assign(new Error('the database holder closed the connection'), { code: 'ECONNRESET' }));
    });
  });
}

const listen = (server: net.Server, socketPath: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: socketPath, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });

/**
 * Takes the directory for this process, or throws `database_in_use` naming the holder.
 * A socket left by a dead holder is taken over under a short-lived mutex, so that two
 * processes that both find it dead cannot both win.
 */
export async function lockDirectory(dir: string, command: string): Promise<DirectoryLock> {
  const socketPath = socketPathOf(dir);
  const holder: Holder = { pid: process.pid, command, since: new Date().toISOString() };
  const handlers = new Map<string, ControlHandler>([['who', async () => ({ ...holder })]]);
  const server = net.createServer((sock) => {
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('error', () => sock.destroy());
    sock.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) {
        if (buf.length > 65_536) sock.destroy();
        return;
      }
      const line = buf.slice(0, nl);
      buf = '';
      void answer(line).then((r) => sock.end(`${JSON.stringify(r)}\n`));
    });
  });
  const answer = async (line: string): Promise<Record<string, unknown>> => {
    try {
      const req = JSON.parse(line) as Record<string, unknown>;
      const h = typeof req.op === 'string' ? handlers.get(req.op) : undefined;
      if (!h) return { ok: false, code: 'unknown_op', message: `unknown control request ${String(req.op)}` };
      return { ok: true, ...(await h(req)) };
    } catch (e) {
      const err = e as AppError;
      return { ok: false, code: err.code && typeof err.code === 'string' ? err.code : 'internal_error', message: err.message };
    }
  };
  // The server must not keep a finished CLI alive: the lock lives as long as the process
  // wants it and is released explicitly; the kernel releases it if the process dies.
  server.unref();
  const old = process.umask(0o177);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await listen(server, socketPath);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw e;
      }
      const live = await ask(socketPath, { op: 'who' }, 5_000).catch((e: NodeJS.ErrnoException) => e);
      if (!(live instanceof Error)) {
        const { ok: _ok, ...who } = live;
        throw inUse(dir, who as Partial<Holder>);
      }
      if (live.code !== 'ECONNREFUSED' && live.code !== 'ENOENT') throw inUse(dir, undefined);
      await takeOverStale(socketPath);
    }
  } finally {
    process.umask(old);
  }
  let released = false;
  return {
    socketPath,
    holder,
    handle: (op, h) => void handlers.set(op, h),
    release: async () => {
      if (released) return;
      released = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Removes a dead holder's socket, under a mutex directory that itself expires after 10 s. */
async function takeOverStale(socketPath: string) {
  const mutex = `${socketPath}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const age = Date.now() - statSync(mutex, { throwIfNoEntry: false })?.mtimeMs!;
    if (age > 10_000) rmSync(mutex, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    return;
  }
  try {
    // Checked again under the mutex: someone may have taken it over since.
    const live = await ask(socketPath, { op: 'who' }, 5_000).catch((e: NodeJS.ErrnoException) => e);
    if (live instanceof Error && (live.code === 'ECONNREFUSED' || live.code === 'ENOENT')) {
      try {
        unlinkSync(socketPath);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}
