import Callout from './Callout.astro';
import InTheWild from './InTheWild.astro';

/** Components authors can use in MDX without importing them. */
export const contentComponents = { Callout, InTheWild };
