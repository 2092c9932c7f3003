import { describe, expect, it } from 'vitest';
import { describeEnv, envKey, findPython, PythonEnvError, requirementNames } from '../../src/lib/python-env.ts';

describe('python environments', () => {
  it('reads distribution names from a requirements file, without comments, options or markers', () => {
    const text = '# tools\npytest>=9,<10\nscikit-learn >= 1.8, < 2  # model\n-r other.txt\n--index-url https://x\n\nnumpy==2.4.6 ; python_version >= "3.11"\npydantic[email]>=2.12\n';
    expect(requirementNames(text)).toEqual(['pytest', 'scikit-learn', 'numpy', 'pydantic']);
  });

  it('keys the cache by Python version and requirements, ignoring line endings and trailing blanks', () => {
    const key = envKey('3.11.7', 'pytest>=9,<10\n');
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(envKey('3.11.7', 'pytest>=9,<10\r\n\r\n')).toBe(key);
    expect(envKey('3.12.1', 'pytest>=9,<10\n')).not.toBe(key);
    expect(envKey('3.11.7', 'pytest>=9,<10\njoblib\n')).not.toBe(key);
  });

  it('says what to install when no Python is found', () => {
    expect(() => findPython(['no-such-python-here'])).toThrow(PythonEnvError);
    expect(() => findPython(['no-such-python-here'])).toThrow(
      'Python 3 was not found (tried no-such-python-here). Fix: install Python 3.11 or newer with venv and pip: on Debian or Ubuntu "sudo apt-get install python3 python3-venv python3-pip"',
    );
  });

  it('describes what a run used', () => {
    expect(describeEnv({ python: '/x/bin/python', pythonVersion: '3.11.7', versions: { pytest: '9.1.1', joblib: '1.6.0' } })).toBe('Python 3.11.7; pytest 9.1.1, joblib 1.6.0');
    expect(describeEnv({ python: '/x/bin/python', pythonVersion: '3.14.0', versions: {} })).toBe('Python 3.14.0');
  });
});
