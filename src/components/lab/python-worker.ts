/**
 * The Python runner's dedicated module worker. The build strips its types and serves it from
 * /runner/ (src/lib/pyodide-dist.ts), where its own response headers give it the CSP it
 * needs (wasm compilation, the packages origin) and nothing else does. It must stay one
 * self-contained file: its only import is the Pyodide core, by URL, at run time.
 */
import type { RunnerReply, RunnerRequest, TestResult } from './python-protocol.ts';

type Pyodide = {
  FS: { mkdirTree(p: string): void; writeFile(p: string, data: string): void };
  runPythonAsync(code: string, options?: { globals?: unknown }): Promise<unknown>;
  loadPackage(names: string | string[], options?: { messageCallback?: (m: string) => void; errorCallback?: (m: string) => void }): Promise<unknown>;
  loadPackagesFromImports(code: string, options?: { messageCallback?: (m: string) => void; errorCallback?: (m: string) => void }): Promise<unknown>;
  setStdout(options: { batched: (line: string) => void }): void;
  setStderr(options: { batched: (line: string) => void }): void;
  globals: { get(name: string): unknown; set(name: string, value: unknown): void };
  toPy(value: unknown): unknown;
};

const post = (reply: RunnerReply) => (self as unknown as Worker).postMessage(reply);

/** Counts the bytes of every response the runtime reads, so the page can show a progress bar. */
let loaded = 0;
const realFetch = self.fetch.bind(self);
self.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await realFetch(input, init);
  if (!response.ok || !response.body) return response;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      post({ type: 'progress', loaded });
      controller.enqueue(chunk);
    },
  });
  // A new Response keeps the type and headers that WebAssembly.instantiateStreaming checks.
  return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
};

let pyodide: Pyodide | undefined;
let packageErrors: string[] = [];
const packageOptions = { messageCallback: () => {}, errorCallback: (m: string) => packageErrors.push(m) };

/** Where the lab's files are written; cleared before every run so a deleted file is really gone. */
const LAB_DIR = '/home/pyodide/lab';

/** Python that resets the lab folder and forgets modules imported from it by an earlier run. */
const PREPARE = `
import os, shutil, sys
os.chdir('/')
shutil.rmtree(${JSON.stringify(LAB_DIR)}, ignore_errors=True)
for _name, _mod in list(sys.modules.items()):
    if (getattr(_mod, '__file__', None) or '').startswith(${JSON.stringify(LAB_DIR)}):
        del sys.modules[_name]
`;

/** A pytest plugin that collects one result per test, with the assertion message pytest prints. */
const RUN_PYTEST = `
import json, os, sys, pytest

class _Collector:
    def __init__(self):
        self.results = []
    def _add(self, nodeid, outcome, report):
        parts = nodeid.split('::')
        module = parts[0][:-3].replace('/', '.') if parts[0].endswith('.py') else parts[0]
        message = ''
        if report is not None and report.failed:
            crash = getattr(report.longrepr, 'reprcrash', None)
            message = crash.message if crash is not None else str(report.longrepr).strip().splitlines()[-1]
        details = report.longreprtext if report is not None and report.failed else ''
        self.results.append({'classname': '.'.join([module] + parts[1:-1]), 'name': parts[-1], 'outcome': outcome, 'message': message, 'details': details[-4000:]})
    def pytest_runtest_logreport(self, report):
        if report.when == 'call' or (report.when == 'setup' and not report.passed):
            self._add(report.nodeid, 'skipped' if report.skipped else ('passed' if report.passed else 'failed'), report)
        elif report.when == 'teardown' and report.failed:
            self._add(report.nodeid, 'failed', report)
    def pytest_collectreport(self, report):
        if report.failed:
            self._add(report.nodeid or 'collection', 'error', report)

_collector = _Collector()
os.chdir(${JSON.stringify(LAB_DIR)})
sys.path.insert(0, ${JSON.stringify(LAB_DIR)})
try:
    _code = int(pytest.main(['-q', '-p', 'no:cacheprovider', '--color=no'], plugins=[_collector]))
finally:
    sys.path.remove(${JSON.stringify(LAB_DIR)})
json.dumps({'exitCode': _code, 'results': _collector.results})
`;

/** Runs a script as __main__ from the lab folder, as `python main.py` would. */
const RUN_SCRIPT = (script: string) => `
import os, runpy, sys
os.chdir(${JSON.stringify(LAB_DIR)})
sys.path.insert(0, ${JSON.stringify(LAB_DIR)})
sys.argv = [${JSON.stringify(script)}]
try:
    runpy.run_path(${JSON.stringify(script)}, run_name='__main__')
finally:
    sys.path.remove(${JSON.stringify(LAB_DIR)})
`;

async function start(request: Extract<RunnerRequest, { type: 'init' }>) {
  const { loadPyodide } = (await import(/* @vite-ignore */ `${request.indexUrl}pyodide.mjs`)) as { loadPyodide: (o: object) => Promise<Pyodide> };
  pyodide = await loadPyodide({ indexURL: request.indexUrl, packageBaseUrl: request.packagesUrl });
  const stream = (line: string) => post({ type: 'stdout', text: `${line}\n` });
  pyodide.setStdout({ batched: stream });
  pyodide.setStderr({ batched: stream });
  return pyodide;
}

/** Loads packages; a failed download becomes one message that names what could not be fetched. */
async function loadPackages(py: Pyodide, load: () => Promise<unknown>) {
  packageErrors = [];
  try {
    await load();
  } catch (error) {
    packageErrors.push((error as Error).message);
  }
  if (packageErrors.length) throw Object.assign(new Error(packageErrors.join('; ')), { kind: 'packages' });
  return py;
}

function writeFiles(py: Pyodide, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    const full = `${LAB_DIR}/${name}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    py.FS.writeFile(full, text);
  }
}

async function handle(request: RunnerRequest) {
  if (request.type === 'init') {
    await start(request);
    return post({ type: 'ready', id: request.id, loaded });
  }
  const py = pyodide!;
  if (request.type === 'exec') {
    await loadPackages(py, () => py.loadPackagesFromImports(request.code, packageOptions));
    await py.runPythonAsync(request.code, { globals: py.toPy({ __name__: '__main__' }) });
    return post({ type: 'done', id: request.id });
  }
  await loadPackages(py, () => py.loadPackage([...request.pytest, ...request.packages], packageOptions));
  await py.runPythonAsync(PREPARE);
  writeFiles(py, request.files);
  if (request.type === 'run') {
    await py.runPythonAsync(RUN_SCRIPT(request.script));
    return post({ type: 'done', id: request.id });
  }
  const report = JSON.parse(String(await py.runPythonAsync(RUN_PYTEST))) as { exitCode: number; results: TestResult[] };
  post({ type: 'done', id: request.id, report });
}

self.onmessage = (event: MessageEvent<RunnerRequest>) => {
  handle(event.data).catch((error: Error & { kind?: 'packages' }) => {
    post({ type: 'error', id: event.data.id, kind: error.kind ?? (event.data.type === 'init' ? 'start' : 'python'), message: String(error.message ?? error) });
  });
};
