import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { renderLabTask } from '../../src/lib/lab-task.ts';

/** A tiny query layer over htmlparser2, so the tests check structure, not spelling of tags. */
const isEl = (n: unknown): n is Element => (n as { type?: string }).type === 'tag';
const kids = (el: Element, name: string) => el.children.filter(isEl).filter((c) => c.name === name);
const all = (root: Element | Element[], test: (e: Element) => boolean) => DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
const text = (el: Element | undefined) => (el ? DomUtils.textContent(el) : '');
const parse = (html: string) => parseDocument(html).children.filter(isEl);
const group = (root: Element[], label: string) => all(root, (e) => e.attribs.role === 'group' && e.attribs['aria-label'] === label)[0];
const summaryOf = (details: Element) => text(kids(details, 'summary')[0]);

const README = `# Title that the page shows itself

Intro.

## Steps

1. **Parse the header**: turn it into milliseconds.
   - Why? Servers send two forms.
   - Hint: read RFC 9110, section 10.2.3.
   - Hint: the seconds form is digits only.
   - Hint: the last one may hold code:

     \`\`\`js
     const seconds = Number(value);
     \`\`\`

2. **Back off**: double each time.
   - *Hint:* start at the base delay.
   - **Hint:** cap it.
3. **No hints here.**
   - Just a note.
`;

describe('renderLabTask', () => {
  const body = parse(renderLabTask(README));

  it('drops the title and shifts headings under the lab heading', () => {
    expect(all(body, (e) => e.name === 'h1' || e.name === 'h2')).toHaveLength(0);
    expect(text(all(body, (e) => e.name === 'h4')[0])).toBe('Steps');
    expect(body.map(text).join('')).not.toContain('Title that the page shows itself');
  });

  it('turns a step\u2019s hints into one chain where each hint holds the next', () => {
    const hints = group(body, 'Hints for step 1')!;
    expect(hints).toBeDefined();
    const first = kids(hints, 'details')[0]!;
    expect(summaryOf(first)).toBe('Hint 1 of 3');
    const second = kids(first, 'details')[0]!;
    expect(summaryOf(second)).toBe('Hint 2 of 3');
    const third = kids(second, 'details')[0]!;
    expect(summaryOf(third)).toBe('Hint 3 of 3');
    expect(kids(third, 'details')).toHaveLength(0);
    expect(kids(hints, 'details')).toHaveLength(1);
    // Collapsed by default: nothing is open until the student asks.
    expect(all(hints, (e) => e.name === 'details' && 'open' in e.attribs)).toHaveLength(0);
  });

  it('keeps each hint\u2019s own text, without the "Hint:" prefix, at its own level', () => {
    const bodies = all(group(body, 'Hints for step 1')!, (e) => e.attribs.class === 'hint-body').map((b) => text(b).trim());
    expect(bodies[0]).toBe('read RFC 9110, section 10.2.3.');
    expect(bodies[1]).toBe('the seconds form is digits only.');
    expect(bodies[2]).toMatch(/^the last one may hold code:/);
    expect(bodies[2]).toContain('Number(value)');
    expect(bodies).toHaveLength(3);
  });

  it('keeps the items that are not hints as a list, before the hints, as written', () => {
    const step1 = all(body, (e) => e.name === 'li')[0]!;
    const plain = kids(step1, 'ul')[0]!;
    expect(text(plain)).toContain('Why? Servers send two forms.');
    expect(text(plain)).not.toContain('Hint');
    expect(step1.children.filter(isEl).map((c) => c.name).slice(-2)).toEqual(['ul', 'div']);
  });

  it('accepts *Hint:* and **Hint:** and numbers hints per step', () => {
    const hints = group(body, 'Hints for step 2')!;
    expect(all(hints, (e) => e.name === 'details')).toHaveLength(2);
    expect(all(hints, (e) => e.attribs.class === 'hint-body').map((b) => text(b).trim())).toEqual(['start at the base delay.', 'cap it.']);
    expect(summaryOf(kids(hints, 'details')[0]!)).toBe('Hint 1 of 2');
  });

  it('leaves lists without hints alone', () => {
    expect(all(body, (e) => e.attribs.class === 'hints')).toHaveLength(2);
    const ol = all(body, (e) => e.name === 'ol')[0]!;
    const step3 = kids(ol, 'li')[2]!;
    expect(text(kids(kids(step3, 'ul')[0]!, 'li')[0]).trim()).toBe('Just a note.');
    expect(all(step3, (e) => e.name === 'details')).toHaveLength(0);
  });

  it('labels hints outside a numbered step without a step number', () => {
    const html = parse(renderLabTask('# T\n\n- Hint: one\n- Hint: two\n'));
    expect(group(html, 'Hints')).toBeDefined();
    expect(all(html, (e) => e.name === 'details')).toHaveLength(2);
  });
});
