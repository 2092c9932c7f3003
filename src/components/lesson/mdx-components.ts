/** Components lesson authors can use in MDX without importing them. */
import Callout from './Callout.astro';
import Diagram from './Diagram.astro';

export const mdxComponents = { Callout, Diagram };
