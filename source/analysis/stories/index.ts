import type {DocumentAnalysis} from '../types.js';
import {compareFigures, type ComparisonCache} from './compare.js';
import {groupStories} from './group.js';
import {buildTimeline} from './timeline.js';
import type {Briefing} from './types.js';

/**
 * The briefing across a set of analysed documents: stories, then their figures compared and the timeline.
 * With `comparisons`, stories whose documents were compared before are not compared again.
 */
export function brief(analyses: DocumentAnalysis[], comparisons?: ComparisonCache): Briefing {
	const stories = groupStories(analyses);
	return {stories, comparisons: compareFigures(analyses, stories, comparisons), timeline: buildTimeline(analyses, stories)};
}
