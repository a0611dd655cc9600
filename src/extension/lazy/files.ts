// The lazy bundle `files` (dist/files.js, see ../lazy.ts): reading ownership.yml and rubrics,
// with the YAML parser and the schema checks they need.
export { loadOwnershipConfig } from '../../core/practices/loadOwnershipConfig';
export { BUNDLED_RUBRICS, bundledRubricName, chooseRubric, compileBundledRubrics, DEFAULT_RUBRIC, loadBundledRubric } from '../../core/rubric/bundledRubrics';
