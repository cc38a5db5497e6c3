/**
 * Files a process leaves for the next one on the same machine, to skip start-up work whose result
 * depends only on the installed code and data: the trained intent model
 * (src/robot/nlu/intent-model-cache.ts) and a freshly initialised embedded database
 * (src/storage/pglite/pglite-store.ts). They live in `node_modules/.cache/kefu/`, as tools keep
 * their caches, so a reinstall clears them. Everything here is best effort: a file that cannot be
 * read is absent, one that cannot be written (a read-only image) is skipped, and the caller does
 * the work as before. A write goes to a temporary file that is then renamed, so processes starting
 * together never read half a file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LOCAL_CACHE_DIR = new URL('../../node_modules/.cache/kefu/', import.meta.url);
const NODE_MODULES = new URL('../../node_modules/', import.meta.url);

/** The installed version of a dependency, or undefined when its package.json cannot be read. */
export function installedVersion(pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL(`${pkg}/package.json`, NODE_MODULES), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The cached file's bytes, or undefined when there is none (or it cannot be read). */
export function readLocalCache(name: string, dir: URL = LOCAL_CACHE_DIR): Buffer | undefined {
  try {
    return readFileSync(new URL(name, dir));
  } catch {
    return undefined;
  }
}

/**
 * Keeps `bytes` as `name`. `supersedes`: the names of earlier versions of the same thing (other
 * input hashes), removed once this one is in place, since nothing will read them again.
 */
export function writeLocalCache(name: string, bytes: Uint8Array, opts: { dir?: URL; supersedes?: RegExp } = {}): void {
  const dir = opts.dir ?? LOCAL_CACHE_DIR;
  try {
    mkdirSync(dir, { recursive: true });
    const file = fileURLToPath(new URL(name, dir));
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    if (opts.supersedes) for (const other of readdirSync(dir)) if (other !== name && opts.supersedes.test(other)) rmSync(new URL(other, dir), { force: true });
  } catch {
    // A read-only install: the caller does the work on every start, as before.
  }
}
