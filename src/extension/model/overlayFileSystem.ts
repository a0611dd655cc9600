// The engine's FileSystem with the editor's unsaved buffers laid over the disk: an open,
// modified CODEOWNERS or ownership.yml is read as the user sees it, not as last saved.
// No vscode import (tested in Node).
import { nodeFileSystem, readHead, type FileSystem } from '../../core/fs';

export class OverlayFileSystem implements FileSystem {
  private readonly overlays = new Map<string, Buffer>();

  constructor(private readonly disk: FileSystem = nodeFileSystem) {}

  /** Sets (text) or clears (undefined) the unsaved content of the file at `absPath`. Returns whether anything changed. */
  set(absPath: string, text: string | undefined): boolean {
    if (text === undefined) return this.overlays.delete(absPath);
    const next = Buffer.from(text, 'utf8');
    const prev = this.overlays.get(absPath);
    if (prev && prev.equals(next)) return false;
    this.overlays.set(absPath, next);
    return true;
  }

  has(absPath: string): boolean {
    return this.overlays.has(absPath);
  }

  // An unsaved buffer only stands in for a file that exists: a new, never-saved CODEOWNERS is
  // not the repository's map until it is on disk.
  kind(path: string) {
    return this.disk.kind(path);
  }

  size(path: string): number {
    return this.overlays.get(path)?.length ?? this.disk.size(path);
  }

  readFile(path: string): Buffer {
    return this.overlays.get(path) ?? this.disk.readFile(path);
  }

  /** The head of an unsaved buffer, or only the head read from disk: a 50 MB file is not read whole to be cut. */
  readHead(path: string, bytes: number): Buffer {
    const overlay = this.overlays.get(path);
    if (overlay) return overlay.length > bytes ? overlay.subarray(0, bytes) : overlay;
    return readHead(this.disk, path, bytes);
  }

  realpath(path: string): string {
    return this.disk.realpath(path);
  }
}
