/** Components lesson authors can use in MDX without importing them. */
import Callout from './Callout.astro';
import Diagram from './Diagram.astro';
import Table from './Table.astro';

/** `table` replaces Markdown tables' element, so every table gets a keyboard-scrollable box. */
export const mdxComponents = { Callout, Diagram, table: Table };
