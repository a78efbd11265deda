// Where a download goes, and whether it may go there. A destination is a folder when it ends with a
// separator, is an existing folder, or names no file extension ('./videos'); the file in it is named by
// the task id (checked like user input, so a server's id can never climb out of the folder). Nothing but
// a regular file is ever replaced, and a regular file only with `overwrite`. `checkDestination` runs
// the same checks before anything is spent, without creating anything.
import { constants } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { InputValidationError } from '../errors';

export interface DestinationOptions {
  /** Replace an existing regular file (default false: an existing file is an error). */
  overwrite?: boolean | undefined;
}

/** Whether `destination` names a folder (see above). */
export async function isFolderDestination(destination: string): Promise<boolean> {
  if (/[\\/]$/.test(destination)) return true;
  const info = await stat(destination).catch(() => undefined);
  if (info) return info.isDirectory();
  return extname(destination) === '';
}

function kindOf(info: { isSymbolicLink(): boolean; isDirectory(): boolean; isFIFO(): boolean }): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  return 'a device or other special file';
}

function refuse(path: string, problem: string, hint?: string): InputValidationError {
  return new InputValidationError('destination', `${JSON.stringify(path)} ${problem}`, undefined, hint);
}

/** Throws unless `path` is free, or (with overwrite) a regular file. Never follows a symlink. */
export async function assertReplaceable(path: string, options: DestinationOptions = {}): Promise<void> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw refuse(path, `cannot be checked (${error.code ?? error.message})`);
  });
  if (!info) return;
  if (!info.isFile()) {
    throw refuse(path, `is ${kindOf(info)}, which a download never replaces`, 'Choose another file name.');
  }
  if (!options.overwrite) {
    throw refuse(
      path,
      'already exists',
      'Pass overwrite: true (CLI: --force) to replace it, or choose another name.',
    );
  }
}

/** The nearest folder that exists at or above `path`; throws when something there is not a folder. */
async function assertCreatableFolder(path: string): Promise<void> {
  let current = resolve(path);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info) {
      if (!info.isDirectory()) throw refuse(current, 'is not a folder, so nothing can be saved under it');
      await access(current, constants.W_OK).catch(() => {
        throw refuse(current, 'is not writable');
      });
      return;
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * Checks a destination before anything is spent: the folder can be created and written to, and a named
 * file is free (or replaceable with overwrite). `fileName` is the name used inside a folder, when known.
 */
export async function checkDestination(
  destination: string,
  options: DestinationOptions & { fileName?: string } = {},
): Promise<void> {
  const folder = await isFolderDestination(destination);
  const file = folder ? (options.fileName ? join(destination, options.fileName) : undefined) : destination;
  await assertCreatableFolder(folder ? destination : dirname(resolve(destination)));
  if (file) await assertReplaceable(file, options);
}

/** A name derived from elsewhere (a URL, a task id) that is safe as one file name in a folder. */
export function isSafeFileName(name: string): boolean {
  return /^[A-Za-z0-9._~-]{1,200}$/.test(name) && !/^\.{1,2}$/.test(name) && !name.startsWith('.');
}
