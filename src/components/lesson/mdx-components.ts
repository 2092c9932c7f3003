/** Components lesson authors can use in MDX without importing them. */
import Callout from './Callout.astro';
import Diagram from './Diagram.astro';
import Table from './Table.astro';
import LabSlot from '../lab/LabSlot.astro';

/**
 * `table` replaces Markdown tables' element, so every table gets a keyboard-scrollable box.
 * `LabSlot` places the lesson's lab (see lib/lab-slot.ts).
 */
export const mdxComponents = { Callout, Diagram, LabSlot, table: Table };
