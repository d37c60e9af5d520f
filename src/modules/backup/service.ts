// Backup use cases: who may take one (the system administrator, or the local operator proven by a one-time token),
// the audit record of each backup, and the file handed to the admin route.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Actor } from '../../domain/permissions.ts';
import { conflict, unauthorized } from '../../domain/errors.ts';
import { authorize, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { consumeLocalToken } from './local-token.ts';
import { writeBackupFile } from './file.ts';
import type { Manifest } from './format.ts';
import * as store from './store.ts';
import type { UntypedKysely } from '../../db/untyped.ts';

async function rootUnit(db: UntypedKysely) {
  const root = await store.rootUnitPath(db);
  if (!root) throw conflict('backup.no_root', 'Chưa có cây đơn vị (dữ liệu tham chiếu chưa được nạp).');
  return root;
}

/**
 * Records a backup about to be taken, before its snapshot: the record is then part of the backup it describes (a
 * restore gives back exactly the source's rows, this one included), and an export of every unit's personal data is
 * on record even if it fails half-way.
 */
export async function recordBackup(db: UntypedKysely, who: Pick<Ctx, 'actor' | 'ip'>, where: string): Promise<void> {
  const root = await store.rootUnitPath(db);
  await db.transaction().execute((tx) =>
    recordAudit(tx, who, {
      action: 'system.backup',
      entityType: 'system',
      entityId: null,
      unitId: root?.id ?? null,
      after: { where },
    }),
  );
}

export interface BackupCaller {
  ctx: Ctx;
  /** Whom the audit record names: the signed-in person, or nobody with ip "cli" for the local operator. */
  auditAs: Pick<Ctx, 'actor' | 'ip'>;
}

/**
 * The caller of the admin backup route. With a local token (PGlite only: `dataDir` is the data directory this
 * server owns), the caller is the operator of this machine, acting as the system administrator would.
 */
export async function backupCaller(ctx: Ctx, dataDir: string | null, token: string | undefined): Promise<BackupCaller> {
  if (token === undefined) return { ctx, auditAs: ctx };
  if (!dataDir || !consumeLocalToken(dataDir, token)) {
    throw unauthorized(
      'Mã xác thực dùng một lần của dòng lệnh không hợp lệ hoặc đã hết hạn: hãy chạy lại thihanh backup trên máy chủ này.',
    );
  }
  const root = await rootUnit(ctx.db);
  const operator: Actor = {
    userId: 0,
    username: 'thihanh-cli',
    unitId: root.id,
    roles: ['sysadmin'],
    unitPath: root.path,
    focalForIds: [],
  };
  return { ctx: { ...ctx, actor: operator, ip: 'cli' }, auditAs: { actor: null, ip: 'cli' } };
}

export interface BackupDownload {
  stream: ReadableStream<Uint8Array>;
  bytes: number;
  manifest: Manifest;
}

/**
 * A whole backup for the caller to download. Written to a private temporary file first, so the snapshot (which on
 * PGlite holds the only connection) ends as fast as the disk allows, not as slowly as the client reads; the file is
 * unlinked once open, so nothing is left behind whatever happens to the download.
 */
export async function backupForDownload(caller: BackupCaller, backend: string): Promise<BackupDownload> {
  const { ctx } = caller;
  authorize(ctx, 'administer', { unitPath: (await rootUnit(ctx.db)).path });
  const dir = await mkdtemp(join(tmpdir(), 'thihanh-backup-'));
  try {
    await recordBackup(ctx.db, caller.auditAs, 'download');
    const { manifest, bytes, path } = await writeBackupFile(ctx.db, backend, join(dir, 'backup.tar.gz'));
    const handle = await open(path, 'r');
    await rm(dir, { recursive: true, force: true });
    return { stream: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, bytes, manifest };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
