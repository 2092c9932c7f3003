/**
 * Where content and labs live. Tests point these at fixture folders to prove that bad
 * content fails the build, so they read the environment instead of hard-coding paths.
 */
import path from 'node:path';

/** Folder holding course.yaml, lessons/, questions/ and glossary.yaml. */
export const CONTENT_DIR = path.resolve(process.env.MLOPS_CONTENT_DIR ?? 'content');
/** Folder holding one sub-folder per lab. */
export const LABS_DIR = path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs');
