import { toolEmbeds } from '../../tools/entries.ts';
import Callout from './Callout.astro';
import InTheWild from './InTheWild.astro';

/** Components authors can use in MDX without importing them: the blocks' twins and every tool's embed. */
export const contentComponents = { Callout, InTheWild, ...toolEmbeds };
