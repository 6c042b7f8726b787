import type {DocumentAnalysis} from '../types.js';
import type {Comparison, Story} from './types.js';

/** Baseline: no comparisons. (To be replaced.) */
export function compareFigures(_analyses: DocumentAnalysis[], _stories: Story[]): Comparison[] {
	return [];
}
