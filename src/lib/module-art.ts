/**
 * The small illustration of each module: inline SVG drawn on one 64 × 64 grid with one
 * set of strokes and inks, so the set reads as a family. Shapes name their role by class
 * (`art-line`, `art-2`, `art-3`, `art-dot`), never by colour: ModuleArt.astro maps the
 * classes to the theme's illustration inks, so both themes work without a second drawing.
 */

/** One module's illustration. */
export interface ModuleArt {
  /** What the picture shows, for a text alternative when it is not decorative. */
  alt: string;
  /** SVG elements inside the 64 × 64 view box (paths, circles, rects), without colours. */
  shapes: string;
}

/** The view box every illustration is drawn in. */
export const ART_VIEWBOX = '0 0 64 64';

const art: Record<string, ModuleArt> = {
  'what-is-mlops': {
    alt: 'A loop: build, ship and watch a model, then go round again',
    shapes:
      '<path class="art-line" d="M32 32C28 22 10 20 10 32s18 10 22 0 22-10 22 0-18 10-22 0Z"/><circle class="art-dot" cx="44" cy="24" r="4.5"/><circle class="art-2-fill" cx="20" cy="40" r="3.5"/>',
  },
  'saving-models': {
    alt: 'A model file saved to disk',
    shapes:
      '<path class="art-line" d="M20 10h17l9 9v19M20 10v28"/><path class="art-2" d="M37 10v9h9"/><path class="art-line" d="M32 24v20m-7-7 7 7 7-7"/><path class="art-line" d="M14 44v8h36v-8"/><circle class="art-dot" cx="44" cy="48" r="2.5"/>',
  },
  apis: {
    alt: 'A request and a response passing between two braces',
    shapes:
      '<path class="art-line" d="M18 14c-5 0-5 4-5 9s-2 9-5 9c3 0 5 4 5 9s0 9 5 9M46 14c5 0 5 4 5 9s2 9 5 9c-3 0-5 4-5 9s0 9-5 9"/><path class="art-2" d="M22 26h18m-5-5 5 5-5 5"/><path class="art-3" d="M42 39H24m5-5-5 5 5 5"/>',
  },
  'serving-python': {
    alt: 'A server answering with a prediction',
    shapes:
      '<rect class="art-line" x="10" y="14" width="30" height="14" rx="3"/><rect class="art-line" x="10" y="34" width="30" height="14" rx="3"/><circle class="art-dot" cx="17" cy="21" r="2.5"/><circle class="art-2-fill" cx="17" cy="41" r="2.5"/><path class="art-line" d="M46 31h10m-4-4 4 4-4 4"/>',
  },
  docker: {
    alt: 'Containers stacked on a ship',
    shapes:
      '<path class="art-line" d="M8 38h48l-5 12H14Z"/><rect class="art-line" x="14" y="26" width="10" height="12" rx="1.5"/><rect class="art-2" x="27" y="26" width="10" height="12" rx="1.5"/><rect class="art-line" x="27" y="14" width="10" height="12" rx="1.5"/><rect class="art-3-fill" x="40" y="26" width="10" height="12" rx="1.5"/>',
  },
  'cloud-deployment': {
    alt: 'A model going up to the cloud',
    shapes:
      '<path class="art-line" d="M20 40h-3a9 9 0 0 1 0-18 13 13 0 0 1 25-2 10 10 0 0 1 5 20h-3"/><path class="art-2" d="M32 52V30m-7 7 7-7 7 7"/><circle class="art-dot" cx="47" cy="18" r="3"/>',
  },
  kubernetes: {
    alt: 'A ship’s wheel of replicas around one service',
    shapes:
      '<path class="art-line" d="M32 8 53 20v24L32 56 11 44V20Z"/><circle class="art-2" cx="32" cy="32" r="8"/><path class="art-line" d="M32 24V14m0 36V40m7-12 8-5M17 41l8-5m14 0 8 5M17 23l8 5"/><circle class="art-dot" cx="32" cy="32" r="3"/>',
  },
  'mlops-tooling': {
    alt: 'A pipeline of steps that runs by itself',
    shapes:
      '<circle class="art-line" cx="14" cy="32" r="6"/><circle class="art-2" cx="32" cy="32" r="6"/><circle class="art-line" cx="50" cy="32" r="6"/><path class="art-line" d="M20 32h6m12 0h6"/><path class="art-3" d="M50 20c0-8-36-8-36 0m-4-4 4 4 4-4"/><circle class="art-dot" cx="32" cy="32" r="2.5"/>',
  },
  'production-ml': {
    alt: 'A monitoring chart with an alert',
    shapes:
      '<path class="art-line" d="M10 12v40h44"/><path class="art-2" d="m16 42 9-10 8 6 9-14 8 6"/><path class="art-3" d="M16 22h34" stroke-dasharray="3 4"/><circle class="art-dot" cx="42" cy="24" r="4"/>',
  },
  llmops: {
    alt: 'A chat answer from a language model',
    shapes:
      '<path class="art-line" d="M10 16a4 4 0 0 1 4-4h28a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4H24l-9 8v-8h-1a4 4 0 0 1-4-4Z"/><path class="art-2" d="M18 21h20m-20 7h12"/><path class="art-3" d="M50 36v12m-6-6h12"/><circle class="art-dot" cx="52" cy="18" r="2.5"/>',
  },
  'interview-prep': {
    alt: 'A checklist of interview answers',
    shapes:
      '<rect class="art-line" x="14" y="12" width="36" height="44" rx="4"/><path class="art-line" d="M26 8h12v8H26Z"/><path class="art-2" d="m20 28 3 3 6-6m-9 17 3 3 6-6"/><path class="art-line" d="M34 29h10m-10 14h10"/><circle class="art-dot" cx="44" cy="50" r="2"/>',
  },
};

/** Shown for a module without its own picture yet: an open book, which fits any lesson. */
export const FALLBACK_ART: ModuleArt = {
  alt: 'An open book',
  shapes:
    '<path class="art-line" d="M32 18c-6-5-14-6-22-4v34c8-2 16-1 22 4 6-5 14-6 22-4V14c-8-2-16-1-22 4Zm0 0v34"/><path class="art-2" d="M17 24h9m-9 7h9m12-7h9"/><circle class="art-dot" cx="42" cy="33" r="2.5"/>',
};

/** The illustration of a module, or the fallback when that module has none. */
export function moduleArt(moduleId: string): ModuleArt & { fallback: boolean } {
  const found = Object.hasOwn(art, moduleId) ? art[moduleId] : undefined;
  return found ? { ...found, fallback: false } : { ...FALLBACK_ART, fallback: true };
}

/** Module ids that have their own illustration (a unit test checks they match course.yaml). */
export const illustratedModules = (): string[] => Object.keys(art);
