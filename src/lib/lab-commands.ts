/**
 * The commands that run a lab on the student's own computer, shown in the lab's static view:
 * npm for node labs, a virtual environment, pip and pytest for python labs.
 */
import type { Lab } from './labs.ts';

/** What to install first, and the commands to type in the unzipped starter folder. */
export interface LocalCommands {
  /** One sentence: what the student needs and where to type the commands. */
  needs: string;
  /** Command lines, with short comments aligned after them. */
  lines: string[];
}

/** Commands for a node lab, from the scripts its package.json defines. */
function nodeCommands(lab: Lab): LocalCommands {
  const pkg = lab.project.files['package.json'] ?? '{}';
  const scripts = Object.keys(JSON.parse(pkg).scripts ?? {});
  const hasDeps = /"(dev)?[dD]ependencies"\s*:\s*\{\s*"/.test(pkg);
  return {
    needs: 'You need Node.js 20 or newer. Unzip the starter, then in its folder:',
    lines: [
      hasDeps ? 'npm install' : 'npm install   # nothing to download: this lab has no dependencies',
      ...(scripts.includes('test') ? ['npm test      # the tests say what is left to do'] : []),
      ...(scripts.includes('start') ? ['npm start'] : []),
    ],
  };
}

/** Commands for a python lab: its own virtual environment, so nothing touches the system Python. */
function pythonCommands(lab: Lab): LocalCommands {
  return {
    needs: 'You need Python 3.11 or newer. Unzip the starter, then in its folder:',
    lines: [
      'python -m venv .venv',
      'source .venv/bin/activate        # Windows: .venv\\Scripts\\activate',
      'pip install -r requirements.txt',
      'pytest                           # the tests say what is left to do',
      `python ${lab.meta.mainScript ?? 'main.py'}`,
    ],
  };
}

/** The local-run commands for a lab's runtime. */
export const localCommands = (lab: Lab): LocalCommands => (lab.meta.runtime === 'python' ? pythonCommands(lab) : nodeCommands(lab));
