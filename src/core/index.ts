// The engine as a library (bundled to dist/engine.js): everything the CLI and the extension use.
export * from './codeowners/index';
export { findRepositoryRoot, nodeFileSystem, type FileSystem } from './fs';
export { timeSlices, type Slicer } from './slices';
export { eachLine, sameBytes } from './byteLines';
