/**
 * The search records: one per lesson section (split on h2/h3), question, lab and glossary
 * term, with the full text each is searched by. `search-index-file.ts` turns them into the
 * compact file the browser fetches. Works from raw content (MDX bodies, YAML data), so unit
 * tests can build the real index.
 */
import GithubSlugger from 'github-slugger';
import { plainText } from './text.ts';
import type { SearchRecord } from './search-types.ts';
import { withBase } from './url.ts';

export type { SearchRecord };

const EXCERPT_LIMIT = 80;

/** The inline text of a Markdown heading line, as the page renders it. */
function headingText(md: string): string {
  return md
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(.+?)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/** Turns an MDX body into plain prose: no code, JSX, SVG, imports or Markdown syntax. */
export function mdxToText(body: string): string {
  return plainText(
    body
      .replace(/```[\s\S]*?```/g, ' ')
      .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
      .replace(/<\/?[A-Z][^>]*>/g, ' ')
      .replace(/<\/?[a-z][^>]*>/g, ' ')
      .replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ')
      .replace(/\|/g, ' ')
      .replace(/^import .*$/gm, ' '),
  );
}

/** A lesson split into sections at h2/h3 headings, each with the anchor the page gives it. */
export function splitSections(body: string): { heading: string; anchor: string; parent: string; text: string; linkShare: number }[] {
  const slugger = new GithubSlugger();
  const sections: { heading: string; anchor: string; parent: string; lines: string[] }[] = [{ heading: '', anchor: '', parent: '', lines: [] }];
  let h2 = '';
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) fence = fence ? (line.trim().startsWith(fence) ? null : fence) : f[1]!;
    const h = fence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      const text = headingText(h[2]!);
      const anchor = slugger.slug(text);
      if (h[1]!.length === 2 || h[1]!.length === 3) {
        // An h3 section is about its h2's topic too ("Rolling back quickly" under "Canary releases").
        sections.push({ heading: text, anchor, parent: h[1]!.length === 3 ? h2 : '', lines: [] });
        if (h[1]!.length === 2) h2 = text;
        continue;
      }
    }
    sections.at(-1)!.lines.push(line);
  }
  return sections
    .map((s) => {
      const md = s.lines.join('\n');
      const text = mdxToText(md);
      const linked = [...md.matchAll(/\[([^\]]*)\]\([^)]*\)/g)].reduce((n, m) => n + m[1]!.length, 0);
      return { heading: s.heading, anchor: s.anchor, parent: s.parent, text, linkShare: text.length ? Math.min(1, linked / text.length) : 0 };
    })
    .filter((s) => s.heading || s.text);
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, s.lastIndexOf(' ', n) > n * 0.6 ? s.lastIndexOf(' ', n) : n)}…`);

/** Inputs for the index, in the shapes the content already has. */
export interface IndexInput {
  lessons: { id: string; url: string; title: string; description: string; module: string; moduleTitle: string; body: string }[];
  questions: { id: string; prompt: string; tags: string[]; module: string; moduleTitle: string; type: string }[];
  labs: { slug: string; title: string; summary: string; url: string; module: string; moduleTitle: string }[];
  terms: { id: string; term: string; definition: string }[];
}

/**
 * Sections that recap or point elsewhere rank below the sections that teach: a student who
 * searches a topic wants the explanation, not the summary or the reading list.
 */
const RECAP_HEADINGS = /^(further reading|summary|references|resources|see also|key takeaways|recap)$/i;
const ASIDE_HEADINGS = /^(interview angle|common mistakes)$/i;

/** How much a section is favoured (1) or held back (below 1), from its heading and how much of it is links. */
export function sectionPrior(heading: string, linkShare: number): number {
  if (RECAP_HEADINGS.test(heading) || linkShare > 0.4) return 0.35;
  if (ASIDE_HEADINGS.test(heading)) return 0.75;
  return 1;
}

/** Builds every record. Questions are indexed by prompt and tags only, never by their answers. */
export function buildRecords(input: IndexInput): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const l of input.lessons) {
    for (const s of splitSections(l.body)) {
      const text = s.text || l.description;
      records.push({
        kind: 'section',
        title: l.title,
        heading: s.heading || undefined,
        ...(s.parent ? { parent: s.parent } : {}),
        url: s.anchor ? `${l.url}#${s.anchor}` : l.url,
        module: l.module,
        moduleTitle: l.moduleTitle,
        excerpt: clip(s.heading ? text : l.description, EXCERPT_LIMIT),
        text,
        prior: s.heading ? sectionPrior(s.heading, s.linkShare) : 1,
      });
    }
  }
  for (const q of input.questions) {
    const prompt = plainText(q.prompt);
    records.push({
      kind: 'question',
      title: clip(prompt, 200),
      url: withBase(`/questions/${q.module}/#q-${q.id}`),
      module: q.module,
      moduleTitle: q.moduleTitle,
      tags: q.tags,
      excerpt: `${q.type === 'open' ? 'Interview question' : 'Quiz question'} · ${q.moduleTitle}`,
      text: '',
      prior: 0.7,
    });
  }
  for (const lab of input.labs)
    records.push({ kind: 'lab', title: lab.title, url: lab.url, module: lab.module, moduleTitle: lab.moduleTitle, excerpt: clip(lab.summary, EXCERPT_LIMIT), text: lab.summary });
  for (const t of input.terms) {
    const definition = plainText(t.definition);
    records.push({ kind: 'term', title: t.term, url: withBase(`/glossary/#${t.id}`), excerpt: clip(definition, EXCERPT_LIMIT), text: definition });
  }
  return records;
}
