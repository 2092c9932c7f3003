import { describe, expect, it } from 'vitest';
import { ALPHABET, filterStatus, foldForFilter, letterJumps, letterOf, matchesFilter } from '../../src/lib/glossary.ts';

const hay = (name: string, id: string) => foldForFilter(`${name} ${id}`);

describe('the glossary filter', () => {
  it('matches every typed word anywhere in the name or id, ignoring case, accents and punctuation', () => {
    expect(matchesFilter('ops', hay('MLOps', 'mlops'))).toBe(true);
    expect(matchesFilter('DOCKER comp', hay('Docker Compose', 'docker-compose'))).toBe(true);
    expect(matchesFilter('compose docker', hay('Docker Compose', 'docker-compose'))).toBe(true);
    expect(matchesFilter('docker swarm', hay('Docker Compose', 'docker-compose'))).toBe(false);
    expect(matchesFilter('ci/cd', hay('CI/CD', 'ci-cd'))).toBe(true);
    expect(matchesFilter('dockerignore', hay('.dockerignore', 'dockerignore'))).toBe(true);
    expect(matchesFilter('cafe', hay('Café', 'cafe'))).toBe(true);
    expect(matchesFilter('application programming', hay('API (application programming interface)', 'api'))).toBe(true);
    expect(matchesFilter('kubernetes', hay('Pod', 'pod'))).toBe(false);
  });

  it('shows everything for an empty or blank query', () => {
    expect(matchesFilter('', hay('Pod', 'pod'))).toBe(true);
    expect(matchesFilter('   ', hay('Pod', 'pod'))).toBe(true);
  });

  it('says how many terms match, and when none does', () => {
    expect(filterStatus(360, 360, '')).toBe('360 terms');
    expect(filterStatus(12, 360, ' dock ')).toBe('12 of 360 terms match “dock”.');
    expect(filterStatus(1, 360, 'onnx')).toBe('1 of 360 terms matches “onnx”.');
    expect(filterStatus(0, 360, 'zzz')).toBe('No terms match “zzz”.');
  });
});

describe('the letter jumps', () => {
  it('file terms under their first letter or digit', () => {
    expect(letterOf('ONNX')).toBe('O');
    expect(letterOf('.dockerignore')).toBe('D');
    expect(letterOf('kubectl')).toBe('K');
    expect(letterOf('3-tier app')).toBe('#');
  });

  it('list A to Z, each pointing at the first term given under it, and no term for empty letters', () => {
    const jumps = letterJumps([
      { id: 'api', letter: 'A' },
      { id: 'auc', letter: 'A' },
      { id: 'docker', letter: 'D' },
    ]);
    expect(jumps.map((j) => j.letter)).toEqual(ALPHABET);
    expect(jumps.find((j) => j.letter === 'A')!.target).toBe('api');
    expect(jumps.find((j) => j.letter === 'D')!.target).toBe('docker');
    expect(jumps.filter((j) => j.target)).toHaveLength(2);
    expect(jumps.find((j) => j.letter === 'Z')!.target).toBeUndefined();
  });

  it('add "#" first when a term starts with a digit', () => {
    const jumps = letterJumps([{ id: '3-tier', letter: '#' }]);
    expect(jumps[0]).toEqual({ letter: '#', target: '3-tier' });
    expect(jumps).toHaveLength(27);
  });
});
