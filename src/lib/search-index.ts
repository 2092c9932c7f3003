/**
 * The search index: one record per lesson section (split on h2/h3), question, lab and
 * glossary term, plus a precomputed Fuse index so the browser does no indexing work.
 * Works from raw content (MDX bodies, YAML data), so unit tests can build the real index.
 */
import Fuse from 'fuse.js';
import GithubSlugger from 'github-slugger';
import { plainText } from './text.ts';
import { FUSE_OPTIONS, type SearchIndexFile, type SearchRecord } from './search-engine.ts';
import { withBase } from './url.ts';

export type { SearchRecord, SearchIndexFile };

const TEXT_LIMIT = 300;
const EXCERPT_LIMIT = 160;

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
export function splitSections(body: string): { heading: string; anchor: string; text: string }[] {
  const slugger = new GithubSlugger();
  const sections: { heading: string; anchor: string; lines: string[] }[] = [{ heading: '', anchor: '', lines: [] }];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) fence = fence ? (line.trim().startsWith(fence) ? null : fence) : f[1]!;
    const h = fence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      const text = headingText(h[2]!);
      const anchor = slugger.slug(text);
      if (h[1]!.length === 2 || h[1]!.length === 3) {
        sections.push({ heading: text, anchor, lines: [] });
        continue;
      }
    }
    sections.at(-1)!.lines.push(line);
  }
  return sections.map((s) => ({ heading: s.heading, anchor: s.anchor, text: mdxToText(s.lines.join('\n')) })).filter((s) => s.heading || s.text);
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, s.lastIndexOf(' ', n) > n * 0.6 ? s.lastIndexOf(' ', n) : n)}…`);

/** Inputs for the index, in the shapes the content already has. */
export interface IndexInput {
  lessons: { id: string; url: string; title: string; description: string; module: string; moduleTitle: string; body: string }[];
  questions: { id: string; prompt: string; tags: string[]; module: string; moduleTitle: string; type: string }[];
  labs: { slug: string; title: string; summary: string; url: string; module: string; moduleTitle: string }[];
  terms: { id: string; term: string; definition: string }[];
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
        url: s.anchor ? `${l.url}#${s.anchor}` : l.url,
        module: l.module,
        moduleTitle: l.moduleTitle,
        excerpt: clip(s.heading ? text : l.description, EXCERPT_LIMIT),
        text: clip(text, TEXT_LIMIT),
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
    });
  }
  for (const lab of input.labs)
    records.push({ kind: 'lab', title: lab.title, url: lab.url, module: lab.module, moduleTitle: lab.moduleTitle, excerpt: clip(lab.summary, EXCERPT_LIMIT), text: lab.summary });
  for (const t of input.terms) {
    const definition = plainText(t.definition);
    records.push({ kind: 'term', title: t.term, url: withBase(`/glossary/#${t.id}`), excerpt: clip(definition, EXCERPT_LIMIT), text: clip(definition, TEXT_LIMIT) });
  }
  return records;
}

/** Records and their precomputed Fuse index. */
export function buildIndexFile(records: SearchRecord[]): SearchIndexFile {
  const index = Fuse.createIndex(FUSE_OPTIONS.keys!, records).toJSON();
  // The index already holds the searchable text; the browser only displays the rest.
  return { records: records.map(({ text: _, ...shown }) => ({ ...shown, text: '' })), index };
}

