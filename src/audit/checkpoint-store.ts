import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type CheckpointKeys, fileKeys, memoryKeys } from './checkpoint-keys.ts';

/** Where checkpoints are appended and read back: a JSON-lines file, or this process's memory. */
export interface CheckpointStore {
  /** The file, or `memory`. */
  readonly location: string;
  /** Appends one whole line. */
  append(line: string): Promise<void>;
  /** Every line with its number (from 1), in file order. */
  lines(): AsyncIterable<{ n: number; text: string }>;
  /** The last lines only: where a writer finds the newest checkpoint on start. */
  tail(): Promise<string[]>;
}

export function memoryStore(): CheckpointStore {
  const all: string[] = [];
  return {
    location: 'memory',
    append: async (line) => void all.push(line.replace(/\n$/, '')),
    async *lines() {
      for (let i = 0; i < all.length; i++) yield { n: i + 1, text: all[i] };
    },
    tail: async () => all.slice(-256),
  };
}

const TAIL_BYTES = 64 * 1024;

const isMissing = (e: unknown) => (e as { code?: string } | null)?.code === 'ENOENT';

/**
 * Appends with O_APPEND, one write() a line, then fsync: lines from several processes (servers
 * on one PostgreSQL) interleave whole, never mixed, on a local file system. A line cut by a
 * crash is closed with a newline before the next one, so it spoils only itself.
 */
export function fileStore(file: string): CheckpointStore {
  let checkedEnd = false;
  return {
    location: file,
    async append(line) {
      await mkdir(path.dirname(file), { recursive: true });
      const fh = await open(file, 'a+', 0o644);
      try {
        let text = line;
        if (!checkedEnd) {
          const { size } = await fh.stat();
          if (size > 0) {
            const last = Buffer.alloc(1);
            await fh.read(last, 0, 1, size - 1);
            if (last[0] !== 0x0a) text = `\n${line}`;
          }
          checkedEnd = true;
        }
        const buf = Buffer.from(text);
        const { bytesWritten } = await fh.write(buf, 0, buf.length);
        if (bytesWritten !== buf.length) throw new Error(`short write to ${file} (${bytesWritten} of ${buf.length} bytes)`);
        await fh.sync();
      } finally {
        await fh.close();
      }
    },
    async *lines() {
      try {
        await stat(file);
      } catch (e) {
        if (isMissing(e)) return;
        throw e;
      }
      let n = 0;
      for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
        n++;
        if (text.trim() !== '') yield { n, text };
      }
    },
    async tail() {
      let fh;
      try {
        fh = await open(file, 'r');
      } catch (e) {
        if (isMissing(e)) return [];
        throw e;
      }
      try {
        const { size } = await fh.stat();
        const start = Math.max(0, size - TAIL_BYTES);
        const buf = Buffer.alloc(size - start);
        await fh.read(buf, 0, buf.length, start);
        const lines = buf.toString('utf8').split('\n');
        // the first piece may be the end of a line that began before the window
        return (start > 0 ? lines.slice(1) : lines).filter((l) => l.trim() !== '');
      } finally {
        await fh.close();
      }
    },
  };
}

export interface CheckpointPlace {
  store: CheckpointStore;
  keys: CheckpointKeys;
}

/**
 * Where a node keeps its checkpoints. By default beside the embedded database
 * (`./data/audit-checkpoints.jsonl` for `pglite:./data/ribat`), the key beside them
 * (`audit-checkpoint.key`, and `.pub`). In memory for `pglite:memory:` and for PostgreSQL
 * unless a file is named: servers on one PostgreSQL have no directory of their own, and one
 * file shared by two databases would mix their chains.
 */
export function checkpointPlace(o: { file?: string; keyFile?: string; databaseUrl?: string; warn: (msg: string) => void }): CheckpointPlace {
  const embedded = o.databaseUrl?.startsWith('pglite:') ? o.databaseUrl.slice('pglite:'.length) : '';
  // the directory as connect() opens it
  const embeddedDir = embedded === '' || embedded === 'memory:' ? undefined : path.resolve(embedded);
  const file = o.file ?? (embeddedDir ? path.join(path.dirname(embeddedDir), 'audit-checkpoints.jsonl') : undefined);
  const keyFile = o.keyFile ?? (file ? path.join(path.dirname(file), 'audit-checkpoint.key') : undefined);
  return { store: file ? fileStore(file) : memoryStore(), keys: keyFile ? fileKeys(keyFile, o.warn) : memoryKeys() };
}
