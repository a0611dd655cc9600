// The lazy bundle `files` (dist/files.js, see ../lazy.ts): reading ownership.yml and rubrics,
// with the YAML parser and the schema checks they need.
export { loadOwnershipConfig } from '../../core/practices/loadOwnershipConfig';
// compileBundledRubrics is for the build (scripts/build.mjs), which reads it from this bundle.
export { chooseRubric, compileBundledRubrics } from '../../core/rubric/bundledRubrics';
