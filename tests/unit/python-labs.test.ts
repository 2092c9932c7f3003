import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localCommands } from '../../src/lib/lab-commands.ts';
import { readKnownBad } from '../../src/lib/lab-known-bad.ts';
import { labPayload, readLab, readLabs } from '../../src/lib/labs.ts';

const FIXTURES = path.resolve('tests/fixtures');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'py-labs-'));
  cpSync(path.join(FIXTURES, 'py-labs'), dir, { recursive: true });
  cpSync(path.join(FIXTURES, 'labs'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]) => path.join(dir, 'hello-py', ...p);
const editJson = (file: string, change: (v: Record<string, unknown>) => void) => {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  change(value);
  writeFileSync(file, JSON.stringify(value));
};

describe('python labs', () => {
  it('reads a python lab into the same project shape, with the runtime in the payload', () => {
    const lab = readLab(dir, 'hello-py');
    expect(lab.meta.runtime).toBe('python');
    expect(lab.project.template).toBe('python');
    expect(Object.keys(lab.project.files).sort()).toEqual(['greet.py', 'main.py', 'pytest.ini', 'requirements.txt', 'tests/test_greet.py']);
    expect(labPayload(lab)).toEqual({ runtime: 'python', project: lab.project, solution: { 'greet.py': expect.stringContaining('Hello, {name}!') }, mainScript: 'main.py' });
  });

  it('defaults to node, whose payload carries no mainScript', () => {
    const node = readLab(dir, 'hello-lab');
    expect(node.meta.runtime).toBe('node');
    expect(node.project.template).toBe('node');
    expect(labPayload(node)).toEqual({ runtime: 'node', project: node.project, solution: node.solution });
    expect(readLabs(dir).map((l) => `${l.slug}:${l.meta.runtime}`)).toEqual(['hello-lab:node', 'hello-py:python']);
  });

  it('keeps known-bad answers out of what is sent, and reads them for labs:verify', () => {
    const lab = readLab(dir, 'hello-py');
    expect(JSON.stringify(labPayload(lab))).not.toContain('MISTAKE');
    expect(readKnownBad(dir, 'hello-py').map((k) => [k.name, k.mistake.fails])).toEqual([
      ['greets-nobody', ['step 1', 'step 2']],
      ['no-exclamation', ['step 1', 'step 2']],
      ['shouts', ['step 2']],
    ]);
  });

  it('refuses a known-bad answer that replaces requirements.txt', () => {
    writeFileSync(at('known-bad', 'shouts', 'requirements.txt'), 'pytest\nrequests\n');
    expect(() => readKnownBad(dir, 'hello-py')).toThrow('labs/hello-py/known-bad/shouts/requirements.txt: a wrong answer may not change the lab\'s dependencies.');
  });

  const broken: [string, () => void, string][] = [
    ['a startScript', () => editJson(at('lab.json'), (v) => (v.startScript = 'test')), 'labs/hello-py/lab.json: field `startScript` is for node labs (an npm script); a python lab has no npm. Fix: remove it and set `mainScript` to the file "Run" executes, e.g. "main.py".'],
    ['no mainScript', () => editJson(at('lab.json'), (v) => delete v.mainScript), 'labs/hello-py/lab.json: field `mainScript` is missing. Fix: set it to the Python file "Run" executes, relative to starter/, e.g. "main.py".'],
    ['a mainScript that is not a file', () => editJson(at('lab.json'), (v) => (v.mainScript = 'app.py')), 'labs/hello-py/lab.json: field `mainScript` is "app.py", which is not a .py file in starter/. Fix: use one of greet.py, main.py.'],
    ['no requirements.txt', () => rmSync(at('starter', 'requirements.txt')), 'labs/hello-py/starter/requirements.txt is missing. Fix: add it with compatible version ranges'],
    ['requirements without pytest', () => writeFileSync(at('starter', 'requirements.txt'), 'numpy>=2,<3\n# pytest comes later\n'), 'labs/hello-py/starter/requirements.txt does not list pytest'],
    ['no tests/ folder', () => rmSync(at('starter', 'tests'), { recursive: true }), 'labs/hello-py/starter/tests/ has no test file. Fix: add tests for pytest as starter/tests/test_<topic>.py'],
    ['tests pytest will not collect', () => {
      cpSync(at('starter', 'tests', 'test_greet.py'), at('starter', 'tests', 'greet_check.py'));
      rmSync(at('starter', 'tests', 'test_greet.py'));
    }, 'labs/hello-py/starter/tests/ has no test file.'],
    ['no pytest settings', () => rmSync(at('starter', 'pytest.ini')), 'labs/hello-py/starter/ has neither pytest.ini nor pyproject.toml. Fix: add pytest.ini'],
    ['a package.json', () => writeFileSync(at('starter', 'package.json'), '{}'), 'labs/hello-py/starter/package.json: a python lab is not an npm project'],
    ['an unknown runtime', () => editJson(at('lab.json'), (v) => (v.runtime = 'ruby')), 'labs/hello-py/lab.json: field `runtime` is not valid (got "ruby"). Fix: set `runtime` to "node" or "python", or leave it out for "node".'],
    ['an openFile that is not in starter/', () => editJson(at('lab.json'), (v) => (v.openFile = 'nope.py')), 'field `openFile` is "nope.py", which is not a file in starter/. Fix: use a path relative to starter/, e.g. "greet.py".'],
  ];
  it.each(broken)('rejects a python lab with %s, naming the file, the field and the fix', (_, breakIt, message) => {
    breakIt();
    expect(() => readLab(dir, 'hello-py')).toThrow(message);
  });

  it('rejects a node lab with a mainScript, or without a startScript', () => {
    editJson(path.join(dir, 'hello-lab', 'lab.json'), (v) => (v.mainScript = 'main.py'));
    expect(() => readLab(dir, 'hello-lab')).toThrow('labs/hello-lab/lab.json: field `mainScript` is only for python labs. Fix: remove it and use `startScript` (an npm script), or set "runtime": "python".');
    editJson(path.join(dir, 'hello-lab', 'lab.json'), (v) => {
      delete v.mainScript;
      delete v.startScript;
    });
    expect(() => readLab(dir, 'hello-lab')).toThrow('labs/hello-lab/lab.json: field `startScript` is missing. Fix: set it to an npm script of starter/package.json, e.g. "test".');
  });
});

describe('local commands', () => {
  it('gives a python lab a virtual environment, pip and pytest, and no npm', () => {
    const { needs, lines } = localCommands(readLab(dir, 'hello-py'));
    expect(needs).toMatch(/Python 3\.11 or newer/);
    expect(lines.map((l) => l.split('#')[0]!.trim())).toEqual(['python -m venv .venv', 'source .venv/bin/activate', 'pip install -r requirements.txt', 'pytest', 'python main.py']);
    expect(lines[1]).toContain('Windows: .venv\\Scripts\\activate');
    expect(lines.join('\n')).not.toMatch(/npm/);
  });
  it('keeps the npm commands for a node lab', () => {
    const { lines } = localCommands(readLab(dir, 'hello-lab'));
    expect(lines[0]).toMatch(/^npm install/);
    expect(lines.join('\n')).not.toMatch(/pip|venv/);
  });
});
