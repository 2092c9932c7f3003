/**
 * Reads the content folders into the search index's input. Used by the build (after the
 * course check has passed) and by the relevance test, so both index exactly the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { lessonIdFromPath, lessonUrl } from './course.ts';
import { readLabs } from './labs.ts';
import type { IndexInput } from './search-index.ts';

const yamlFiles = (dir: string) => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
};

/** Everything the index needs, read from `contentDir` and `labsDir`. */
export function readIndexInput(contentDir: string, labsDir: string): IndexInput {
  const modules = parse(readFileSync(path.join(contentDir, 'course.yaml'), 'utf8')) as { id: string; title: string }[];
  const moduleTitle = new Map(modules.map((m) => [m.id, m.title]));
  const lessons: IndexInput['lessons'] = [];
  for (const m of modules) {
    const dir = path.join(contentDir, 'lessons', m.id);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const source = readFileSync(path.join(dir, f), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
      if (!match) continue;
      const front = parse(match[1]!) as { title: string; description: string };
      const id = lessonIdFromPath(`${m.id}/${f}`);
      lessons.push({ id, url: lessonUrl(id), title: front.title, description: front.description, module: m.id, moduleTitle: m.title, body: match[2]! });
    }
  }
  const lessonModule = new Map(lessons.map((l) => [l.id, l.module]));
  const questions = yamlFiles(path.join(contentDir, 'questions')).flatMap((file) =>
    ((parse(readFileSync(file, 'utf8')) ?? []) as { id: string; prompt: string; tags?: string[]; lesson: string; type: string }[]).map((q) => {
      const module = lessonModule.get(q.lesson) ?? q.lesson.split('/')[0]!;
      return { id: q.id, prompt: q.prompt, tags: q.tags ?? [], module, moduleTitle: moduleTitle.get(module) ?? module, type: q.type };
    }),
  );
  const labs = readLabs(labsDir).map((lab) => {
    const module = lab.meta.lesson.split('/')[0]!;
    return { slug: lab.slug, title: `Lab: ${lab.meta.title}`, summary: lab.meta.summary, url: `${lessonUrl(lab.meta.lesson)}#lab`, module, moduleTitle: moduleTitle.get(module) ?? module };
  });
  const terms = yamlFiles(path.join(contentDir, 'glossary')).flatMap((file) => (parse(readFileSync(file, 'utf8')) ?? []) as { id: string; term: string; definition: string }[]);
  return { lessons, questions, labs, terms };
}
