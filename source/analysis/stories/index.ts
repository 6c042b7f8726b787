import type {DocumentAnalysis} from '../types.js';
import {compareFigures} from './compare.js';
import {groupStories} from './group.js';
import {buildTimeline} from './timeline.js';
import type {Briefing} from './types.js';

/** The briefing across a set of analysed documents: stories, then their figures compared and the timeline. */
export function brief(analyses: DocumentAnalysis[]): Briefing {
	const stories = groupStories(analyses);
	return {stories, comparisons: compareFigures(analyses, stories), timeline: buildTimeline(analyses, stories)};
}
