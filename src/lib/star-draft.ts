/**
 * A STAR draft (Situation, Task, Action, Result) is stored as one draft string holding JSON:
 * the four texts plus when each last changed (`_at`), so two tabs editing different parts
 * of one story keep both.
 */
import { LIMITS, type Progress } from './progress.ts';

/** The four parts of a STAR story, in order. */
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
/** One part's name. */
export type StarPart = (typeof STAR_PARTS)[number];

/** A parsed STAR draft: the texts and, per part, when it last changed (ms). */
export interface StarDraft {
  /** Text of each part that has one. */
  text: Partial<Record<StarPart, string>>;
  /** When each part last changed. */
  at: Partial<Record<StarPart, number>>;
}

/** The draft key of a behavioral question's STAR story. */
export const starKey = (questionId: string) => `star:${questionId}`;

/** Reads a stored STAR draft; anything unreadable is an empty draft, never an error. */
export function parseStar(raw: string | undefined): StarDraft {
  const draft: StarDraft = { text: {}, at: {} };
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '{}');
  } catch {
    return draft;
  }
  if (typeof data !== 'object' || data === null) return draft;
  const obj = data as Record<string, unknown>;
  const at = (typeof obj._at === 'object' && obj._at !== null ? obj._at : {}) as Record<string, unknown>;
  for (const part of STAR_PARTS) {
    if (typeof obj[part] === 'string') draft.text[part] = obj[part];
    if (typeof at[part] === 'number' && Number.isFinite(at[part])) draft.at[part] = at[part];
  }
  return draft;
}

/** Serialises a STAR draft, keeping the whole under the draft length cap. */
export function stringifyStar(draft: StarDraft): string {
  const out: Record<string, unknown> = {};
  for (const part of STAR_PARTS) if (draft.text[part] !== undefined) out[part] = draft.text[part]!.slice(0, LIMITS.draftLength / 5);
  out._at = draft.at;
  return JSON.stringify(out);
}

/** Changes one part of a STAR story and nothing else, so a save never overwrites the other parts. */
export function setStarPart(p: Progress, questionId: string, part: StarPart, text: string, now: number): void {
  const key = starKey(questionId);
  const draft = parseStar(p.drafts[key]);
  draft.text[part] = text;
  draft.at[part] = now;
  p.drafts[key] = stringifyStar(draft);
  p.draftsAt = { ...p.draftsAt, [key]: now };
}

/** Merges two versions of one STAR story part by part: the later edit of each part wins. */
export function mergeStar(a: string, b: string): string {
  const x = parseStar(a);
  const y = parseStar(b);
  const out: StarDraft = { text: {}, at: {} };
  for (const part of STAR_PARTS) {
    const fromB = (y.at[part] ?? -1) > (x.at[part] ?? -1) || (x.text[part] === undefined && y.text[part] !== undefined);
    const src = fromB ? y : x;
    if (src.text[part] !== undefined) out.text[part] = src.text[part];
    if (src.at[part] !== undefined) out.at[part] = src.at[part];
  }
  return stringifyStar(out);
}
