// The unit register crosses to the workers once per version, not once per task. Building a UnitDirectory (its
// indexes of folded names and aliases) takes 100–200 ms for Thanh Hóa's 1,700 units; cloning its entries into every
// task would cost a few ms of the main thread each time. So the main thread writes the entries once per directory
// version into a SharedArrayBuffer (shared with workers, never copied), and each worker rebuilds its directory only
// when the version it holds differs from the one a task names.
import { deserialize, serialize } from 'node:v8';
import { UnitDirectory } from '../domain/org/resolve.ts';
import type { UnitEntry } from '../domain/org/unit.ts';

/** What a task carries to name the register: a version and the shared bytes of its entries. */
export interface DirectoryShare {
  version: number;
  entries: SharedArrayBuffer;
}

// The cached entries array stands for its version: `unitEntries()` returns a new one when the tree changes.
const shares = new WeakMap<readonly UnitEntry[], DirectoryShare>();
let lastVersion = 0;

/** Main thread: the shared form of the register's entries, made on their first use. */
export function shareEntries(entries: readonly UnitEntry[]): DirectoryShare {
  let share = shares.get(entries);
  if (!share) {
    const bytes = serialize(entries);
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    share = { version: ++lastVersion, entries: shared };
    shares.set(entries, share);
  }
  return share;
}

/** Main thread: the shared form of a directory (its entries). */
export function shareDirectory(directory: UnitDirectory): DirectoryShare {
  return shareEntries(directory.entries);
}

let held: { version: number; directory: UnitDirectory } | undefined;

/** Worker: the directory a task names, rebuilt only when its version changed. */
export function directoryOf(share: DirectoryShare): UnitDirectory {
  if (held?.version !== share.version) {
    // v8.deserialize wants ordinary memory: one copy per version, not per task.
    const entries = deserialize(Buffer.from(new Uint8Array(share.entries))) as UnitEntry[];
    held = { version: share.version, directory: new UnitDirectory(entries) };
  }
  return held.directory;
}
