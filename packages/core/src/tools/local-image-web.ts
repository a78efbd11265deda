// What `#local-image` resolves to outside Node (browsers, edge runtimes): they have no file system, so a
// local path is refused like any other bad image argument. Node gets the real reader through the `node`
// condition of package.json "imports", so a browser bundle of the tools never meets a `node:` import.
import { InputValidationError } from '../errors';
import type { imageFromPath as readImageFile } from '../node/local-image';

export const imageFromPath: typeof readImageFile = async (path) => {
  throw new InputValidationError(
    'image',
    `${JSON.stringify(path.slice(0, 80))} is a local path, and this runtime has no file system`,
    undefined,
    'Pass a public https URL or a data:image/...;base64 URL.',
  );
};
