/** Expands the index file's compact records into what the UI shows. */
import { headingSlug } from './search-text.ts';
import { withBase } from './url.ts';
import type { RecordKind, SearchIndexFile, SearchRecord } from './search-types.ts';

const KINDS: Record<string, RecordKind> = { s: 'section', q: 'question', l: 'lab', t: 'term' };

/** Records in id order with their rank factors. */
export function hydrate(file: SearchIndexFile): { records: SearchRecord[]; priors: Float32Array; pageOf: Int32Array } {
  const priors = new Float32Array(file.records.length);
  const pageOf = new Int32Array(file.records.length).fill(-1);
  const records = file.records.map((s, i): SearchRecord => {
    priors[i] = (s.w ?? 100) / 100;
    const kind = KINDS[s.k];
    if (!kind) throw new Error(`search-index.json: record ${i} has kind "${s.k}", expected s, q, l or t. Fix: rebuild the site (npm run build).`);
    if (kind === 'section') {
      pageOf[i] = s.p ?? -1;
      const [title, url, m] = file.pages[s.p ?? -1] ?? ['', withBase('/'), -1];
      const [module, moduleTitle] = file.modules[m] ?? [];
      const anchor = s.a ?? headingSlug(s.h ?? '');
      return { kind, title, heading: s.h, url: anchor ? `${url}#${anchor}` : url, module, moduleTitle, excerpt: s.x ?? moduleTitle ?? '', text: '' };
    }
    const [module, moduleTitle] = s.m !== undefined ? (file.modules[s.m] ?? []) : [];
    if (kind === 'question')
      return { kind, title: s.t ?? '', url: withBase(`/questions/${module}/#q-${s.i}`), module, moduleTitle, excerpt: `${s.o ? 'Interview question' : 'Quiz question'}${moduleTitle ? ` · ${moduleTitle}` : ''}`, text: '' };
    if (kind === 'term') return { kind, title: s.t ?? '', url: withBase(`/glossary/#${s.i}`), excerpt: s.x ?? 'Glossary term', text: '' };
    return { kind, title: s.t ?? '', url: s.u ?? withBase('/'), module, moduleTitle, excerpt: s.x ?? '', text: '' };
  });
  return { records, priors, pageOf };
}
