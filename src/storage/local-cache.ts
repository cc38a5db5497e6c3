/**
 * Files a process leaves for the next one on the same machine, to skip start-up work whose result
 * depends only on the installed code and data: the trained intent model
 * (src/robot/nlu/intent-model-cache.ts), the NLU's tables (src/robot/nlu/table-cache.ts) and the
 * learned danger model (src/robot/danger-model.ts), each through `cachedBuild`, and a freshly
 * initialised embedded database (src/storage/pglite/pglite-store.ts). They live in `node_modules/.cache/kefu/`, as tools keep
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

/** How one kind of cached result is named, keyed, read back and written. */
export interface CachedBuild<T> {
  /** Letters and dashes: the file's name is `${prefix}-${key()}.${ext}`. */
  readonly prefix: string;
  readonly ext: string;
  /** 32 hex digits, a hash of every input the result depends on; a throw (inputs that cannot be read) builds without keeping. */
  readonly key: () => string;
  readonly decode: (bytes: Buffer) => T;
  readonly encode: (value: T) => Uint8Array;
  readonly build: () => T;
  readonly dir?: URL;
}

/**
 * `build()`'s result, read back when a process with the same inputs kept it, else built and kept (the files of other keys of the
 * same prefix removed). A file that does not decode is built anew and replaced. The intent model, the NLU's tables and the danger
 * model are kept this way.
 */
export function cachedBuild<T>(c: CachedBuild<T>): T {
  let name: string | undefined;
  try {
    name = `${c.prefix}-${c.key()}.${c.ext}`;
    const bytes = readLocalCache(name, c.dir);
    if (bytes) return c.decode(bytes);
  } catch {
    // The inputs could not be read, or the file is not one: build.
  }
  const value = c.build();
  if (name) writeLocalCache(name, c.encode(value), { ...(c.dir ? { dir: c.dir } : {}), supersedes: new RegExp(`^${c.prefix}-[0-9a-f]{32}\\.${c.ext}$`) });
  return value;
}
