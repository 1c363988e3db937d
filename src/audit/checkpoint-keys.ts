import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The key that signs checkpoints, and the public key a reader checks them with. */
export interface CheckpointKeys {
  /** Where the private key is kept, or `memory`. */
  readonly location: string;
  /** The signing key, created on first use. */
  signer(): Promise<KeyObject>;
  /** The public key readers trust; undefined while no key exists (nothing was signed). */
  publicKey(): Promise<KeyObject | undefined>;
}

/** A key for this process only (`pglite:memory:`): its checkpoints die with it. */
export function memoryKeys(): CheckpointKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { location: 'memory', signer: async () => privateKey, publicKey: async () => publicKey };
}

const isMissing = (e: unknown) => (e as { code?: string } | null)?.code === 'ENOENT';
const isTaken = (e: unknown) => (e as { code?: string } | null)?.code === 'EEXIST';

/**
 * Writes `text` to `file` unless it exists, all or nothing: a whole temporary file is
 * hard-linked into place, so that a process racing us (several servers on one PostgreSQL)
 * reads either no file or the complete one, never a half-written key.
 * @returns false when another process had already created it.
 */
async function createWhole(file: string, text: string, mode: number): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', mode);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, file);
    return true;
  } catch (e) {
    if (isTaken(e)) return false;
    throw e;
  } finally {
    await unlink(tmp);
  }
}

/**
 * An Ed25519 key in `keyFile` (PKCS#8 PEM, mode 0600), created on first signature, and its
 * public key in `keyFile.pub` (SPKI PEM) for the data-protection officer to copy.
 * `warn` hears of a private key that others may read.
 */
export function fileKeys(keyFile: string, warn: (msg: string) => void): CheckpointKeys {
  const pubFile = `${keyFile}.pub`;
  let signer: Promise<KeyObject> | undefined;
  const load = async (): Promise<KeyObject> => {
    try {
      const key = createPrivateKey(await readFile(keyFile));
      if ((await stat(keyFile)).mode & 0o077) warn(`the audit checkpoint key ${keyFile} is readable by others than its owner (chmod 600 it)`);
      return key;
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    if (!(await createWhole(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 0o600))) return createPrivateKey(await readFile(keyFile));
    return privateKey;
  };
  return {
    location: keyFile,
    signer: () =>
      (signer ??= load()
        .then(async (key) => {
          const pem = createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string;
          await createWhole(pubFile, pem, 0o644);
          return key;
        })
        .catch((e) => {
          signer = undefined;
          throw e;
        })),
    async publicKey() {
      try {
        return createPublicKey(createPrivateKey(await readFile(keyFile)));
      } catch (e) {
        if (!isMissing(e) && (e as { code?: string }).code !== 'EACCES') throw e;
      }
      return readPublicKey(pubFile).catch((e) => {
        if (isMissing(e)) return undefined;
        throw e;
      });
    },
  };
}

/** A public key file (SPKI PEM), as the data-protection officer keeps a copy of it. */
export async function readPublicKey(file: string): Promise<KeyObject> {
  return createPublicKey(await readFile(file));
}
