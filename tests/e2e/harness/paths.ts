import path from 'node:path'

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
export const H5_DIR = path.join(REPO_ROOT, 'miniapp', 'dist', 'h5')
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'artifacts')
