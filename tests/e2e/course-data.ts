/** Reads the course straight from content/, so tests check the site against its source. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface LessonRef {
  id: string;
  title: string;
  url: string;
}

const CONTENT = path.resolve('content');

/** Modules from course.yaml with their lessons' titles and URLs, in order. */
export function readCourse() {
  const modules = (parse(readFileSync(path.join(CONTENT, 'course.yaml'), 'utf8')) as { id: string; title: string; order: number }[]).sort(
    (a, b) => a.order - b.order,
  );
  return modules.map((m) => {
    const dir = path.join(CONTENT, 'lessons', m.id);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
    } catch {
      files = [];
    }
    const lessons: LessonRef[] = files.map((f) => {
      const front = parse(readFileSync(path.join(dir, f), 'utf8').split(/^---$/m)[1]!) as { title: string };
      const slug = f.replace(/^\d+-/, '').replace(/\.mdx$/, '');
      return { id: `${m.id}/${slug}`, title: front.title, url: `/learn/${m.id}/${slug}/` };
    });
    return { ...m, lessons };
  });
}
