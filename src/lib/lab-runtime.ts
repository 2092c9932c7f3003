/**
 * The rules a lab's starter must follow for its runtime: a node lab is an npm project whose
 * `startScript` exists; a python lab is a pytest project with `requirements.txt`, tests
 * under `tests/` and a `mainScript` for "Run". Each rule returns the message `readLab`
 * throws: the file or field, what is wrong, and the fix.
 */

/** The lab.json fields these rules read. */
export interface RuntimeFields {
  runtime: 'node' | 'python';
  startScript?: string | undefined;
  mainScript?: string | undefined;
}

/** Python test files pytest collects by the course's convention: `tests/test_*.py`. */
export const PYTHON_TEST_FILE = /^tests\/(?:.+\/)?test_[^/]+\.py$/;

/** Files that hold pytest's settings; a python lab needs one so every run collects the same way. */
export const PYTEST_CONFIG_FILES = ['pytest.ini', 'pyproject.toml'] as const;

/** The problem with a node lab's lab.json and starter, or undefined when it follows the rules. */
export function nodeStarterProblem(where: string, meta: RuntimeFields, files: Record<string, string>): string | undefined {
  if (meta.mainScript !== undefined)
    return `${where}/lab.json: field \`mainScript\` is only for python labs. Fix: remove it and use \`startScript\` (an npm script), or set "runtime": "python".`;
  if (meta.startScript === undefined)
    return `${where}/lab.json: field \`startScript\` is missing. Fix: set it to an npm script of starter/package.json, e.g. "test".`;
  if (!files['package.json']) return `${where}/starter/package.json is missing. Fix: add one with the scripts the lab runs.`;
  let scripts: Record<string, unknown> = {};
  try {
    scripts = JSON.parse(files['package.json']).scripts ?? {};
  } catch (error) {
    return `${where}/starter/package.json is not valid JSON (${(error as Error).message}). Fix: correct the JSON syntax.`;
  }
  if (typeof scripts[meta.startScript] !== 'string')
    return `${where}/lab.json: field \`startScript\` is "${meta.startScript}", but starter/package.json has no such script. Fix: use one of ${Object.keys(scripts).join(', ') || '(no scripts yet)'} or add it to package.json.`;
  return undefined;
}

/** The problem with a python lab's lab.json and starter, or undefined when it follows the rules. */
export function pythonStarterProblem(where: string, meta: RuntimeFields, files: Record<string, string>): string | undefined {
  if (meta.startScript !== undefined)
    return `${where}/lab.json: field \`startScript\` is for node labs (an npm script); a python lab has no npm. Fix: remove it and set \`mainScript\` to the file "Run" executes, e.g. "main.py".`;
  if (meta.mainScript === undefined)
    return `${where}/lab.json: field \`mainScript\` is missing. Fix: set it to the Python file "Run" executes, relative to starter/, e.g. "main.py".`;
  if (!meta.mainScript.endsWith('.py') || !(meta.mainScript in files))
    return `${where}/lab.json: field \`mainScript\` is "${meta.mainScript}", which is not a .py file in starter/. Fix: use one of ${pyFiles(files) || '(no .py files yet)'}.`;
  if (files['package.json'] !== undefined)
    return `${where}/starter/package.json: a python lab is not an npm project, and StackBlitz never runs it. Fix: remove package.json, or set "runtime": "node".`;
  if (files['requirements.txt'] === undefined)
    return `${where}/starter/requirements.txt is missing. Fix: add it with compatible version ranges that include Pyodide's versions, e.g. "pytest>=9,<10" (AUTHORING.md, "Python labs").`;
  if (!/^\s*pytest\b/im.test(files['requirements.txt']))
    return `${where}/starter/requirements.txt does not list pytest, so a fresh environment cannot run the tests. Fix: add a line "pytest>=9,<10".`;
  if (!Object.keys(files).some((f) => PYTHON_TEST_FILE.test(f)))
    return `${where}/starter/tests/ has no test file. Fix: add tests for pytest as starter/tests/test_<topic>.py, with tests named by step (test_step1_… or class TestStep1…).`;
  if (!PYTEST_CONFIG_FILES.some((f) => f in files))
    return `${where}/starter/ has neither pytest.ini nor pyproject.toml. Fix: add pytest.ini with "[pytest]" and "testpaths = tests", so every run collects the same tests.`;
  return undefined;
}

const pyFiles = (files: Record<string, string>) =>
  Object.keys(files)
    .filter((f) => f.endsWith('.py') && !f.startsWith('tests/'))
    .join(', ');

/** Checks the starter for its runtime: the message to throw, or undefined. */
export const starterProblem = (where: string, meta: RuntimeFields, files: Record<string, string>) =>
  meta.runtime === 'python' ? pythonStarterProblem(where, meta, files) : nodeStarterProblem(where, meta, files);
