import { describe, expect, it } from 'vitest';
import { countMismatches, visibleText } from '../../src/lib/count-wording.ts';

describe('countMismatches', () => {
  it('finds the plural missing after a count above one, and a plural after one', () => {
    expect(countMismatches('Practise 114 interview question now. 1 lessons done, 3 stories and 1 quizzes.')).toEqual([
      '114 interview question',
      '1 lessons',
      '1 quizzes',
    ]);
    expect(countMismatches('0 card due')).toEqual(['0 card']);
    expect(countMismatches('3 Lesson left, 2 flashcard, 5 file')).toEqual(['3 Lesson', '2 flashcard', '5 file']);
  });

  it('passes counts that agree, across line breaks too', () => {
    expect(countMismatches('1 lesson, 2 lessons, 1 interview\n  question, 12 key points, 1 story, 0 quizzes')).toEqual([]);
  });

  it('leaves numbers that are not counts, and words after a number that are not counted nouns', () => {
    expect(countMismatches('Question 1 of 11. Python 3.12 lessons. Version v2 lesson. 1-2 lessons. 10 step process, 67 match.')).toEqual([]);
  });

  it('does not read a longer word as a counted noun', () => {
    expect(countMismatches('2 lessons-learned, 3 tagged, 4 cardinal, 5 labels')).toEqual([]);
  });
});

describe('visibleText', () => {
  it('keeps a number and a word in neighbouring blocks apart', () => {
    expect(countMismatches(visibleText('<tr><td>10001</td><td>File</td></tr><summary>Hint 2 of 2</summary><p>Attempt 1 waits</p>'))).toEqual([]);
    expect(countMismatches(visibleText('<p>You have <strong>3</strong> lesson left</p>'))).toEqual(['3 lesson']);
  });
  it('includes the names a screen reader speaks, so a wrong count there is found too', () => {
    const text = visibleText('<a href="/x" aria-label="Module 2: 4 lesson">M2</a><img src="a.png" alt="1 cards">');
    expect(countMismatches(text)).toEqual(['4 lesson', '1 cards']);
  });

  it('drops tags, scripts and styles, joins text split by inline tags, and marks block edges', () => {
    expect(visibleText('<p>3 <b>lessons</b></p><script>const x = "1 lessons";</script><style>p{}</style>&nbsp;done')).toBe(' ¶ 3 lessons ¶ done');
  });
});
