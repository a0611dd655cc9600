// A folder's entries read one at a time (opendir), for editor features that look into the
// repository as the user types: a folder of 100,000 files costs only the entries looked at.
import nodeFs = require('node:fs');

/**
 * Hands `visit` the folder's entries in the order the file system lists them, until it
 * returns false. False when the folder cannot be read (gone, not a folder, no permission).
 */
export function eachEntry(dir: string, visit: (entry: nodeFs.Dirent) => boolean): boolean {
  let handle: nodeFs.Dir | undefined;
  try {
    handle = nodeFs.opendirSync(dir);
    for (let e = handle.readSync(); e !== null && visit(e); e = handle.readSync());
    return true;
  } catch {
    return false;
  } finally {
    handle?.closeSync();
  }
}
