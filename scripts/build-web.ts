// Builds the web app (web/ → web/dist) with Vite.
//   node scripts/build-web.ts             always build
//   node scripts/build-web.ts --if-stale  build only when web/dist/index.html is older than a source file
// Run by `npm start` (prestart) and by the end-to-end tests (ensureWebBuilt). Concurrent callers (parallel
// test files) take a lock so only one builds at a time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WEB = join(ROOT, 'web');
const DIST_INDEX = join(WEB, 'dist', 'index.html');
const LOCK_DIR = join(WEB, '.build-lock');

/** Files whose change calls for a new build. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) files.push(p);
    }
  };
  walk(join(WEB, 'src'));
  walk(join(WEB, 'public'));
  for (const f of ['index.html', 'vite.config.ts']) {
    const p = join(WEB, f);
    if (existsSync(p)) files.push(p);
  }
  return files;
}

/** True when web/dist/index.html is missing or older than any source file. */
export function isWebStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return sourceFiles().some((f) => statSync(f).mtimeMs > built);
}

/** Runs `vite build --config web/vite.config.ts` with the vite binary of node_modules. */
export function buildWeb(opts: { quiet?: boolean } = {}): Promise<void> {
  const vite = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  if (!existsSync(vite)) {
    return Promise.reject(
      new Error(`Không tìm thấy Vite (${vite}). Hãy chạy "npm install" (gồm cả devDependencies) trước.`),
    );
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(vite, ['build', '--config', join('web', 'vite.config.ts')], {
      cwd: ROOT,
      stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: process.env,
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        precompress(join(WEB, 'dist', 'assets'));
        resolvePromise();
      } else reject(new Error(`Dựng giao diện web thất bại (vite build: ${signal ?? `mã ${code}`}).\n${output}`));
    });
  });
}

/**
 * Writes NAME.br and NAME.gz beside every compressible asset of at least 1 KB, once at build time with the slowest,
 * smallest settings: the server sends them as they are (serveStatic's `precompressed`), so a phone on 4G gets the
 * smallest bytes and the server spends no CPU on them per request.
 */
export function precompress(dir: string): { files: number; bytes: number; brotli: number; gzip: number } {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  if (!existsSync(dir)) return totals;
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg|json|html|txt)$/.test(name)) continue;
    const path = join(dir, name);
    const content = readFileSync(path);
    if (content.length < 1024) continue;
    const br = brotliCompressSync(content, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    const gz = gzipSync(content, { level: 9 });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    totals.files++;
    totals.bytes += content.length;
    totals.brotli += br.length;
    totals.gzip += gz.length;
  }
  return totals;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the build lock (a directory, atomic to create); a lock older than 10 minutes is abandoned. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > 10 * 60_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`Đợi khóa dựng giao diện quá lâu (${LOCK_DIR}).`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds when stale; returns whether it built. Safe to call from parallel processes. */
export async function ensureWebBuilt(opts: { quiet?: boolean } = {}): Promise<boolean> {
  if (!isWebStale()) return false;
  return withLock(async () => {
    if (!isWebStale()) return false; // another process built it while we waited
    await buildWeb(opts);
    return true;
  });
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--if-stale')) {
    const built = await ensureWebBuilt();
    if (!built) console.log('Giao diện web đã được dựng và còn mới (web/dist): bỏ qua.');
    return;
  }
  await withLock(() => buildWeb());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
