import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under a folder, for scanning the SQLite files byte by byte. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
