import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './lib/paths.ts';
import { glossarySchema, lessonSchema, moduleSchema } from './lib/schemas.ts';
import { questionSchema } from './lib/question-schema.ts';
import { yamlListLoader } from './lib/yaml-list-loader.ts';
import { lessonIdFromPath } from './lib/course.ts';

const modules = defineCollection({
  loader: file(path.join(CONTENT_DIR, 'course.yaml')),
  schema: moduleSchema,
});

const lessons = defineCollection({
  // Ids drop the nn- prefix so reordering lessons does not break links or stored progress.
  loader: glob({ pattern: '**/*.mdx', base: path.join(CONTENT_DIR, 'lessons'), generateId: ({ entry }) => lessonIdFromPath(entry) }),
  schema: lessonSchema,
});

const questions = defineCollection({
  loader: yamlListLoader(path.join(CONTENT_DIR, 'questions'), 'question'),
  // `file` is added by the loader so every later check can name the YAML file.
  schema: z.intersection(questionSchema, z.object({ file: z.string() })),
});

const glossary = defineCollection({
  loader: yamlListLoader(path.join(CONTENT_DIR, 'glossary'), 'glossary term'),
  schema: z.intersection(glossarySchema, z.object({ file: z.string() })),
});

export const collections = { modules, lessons, questions, glossary };
