import {memo} from 'react';
import type {Briefing} from '../../analysis/stories/types.js';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {dateSpan, settleStoryWindow, storiesThatDiffer, storyDetail} from '../briefing.js';
import {Frame} from '../components/frame.js';
import {Table, type TableColumn} from '../components/table.js';
import {TextLine} from '../components/text-line.js';
import {contentSize, formatCount, paneTitle, settleList} from '../layout.js';
import {fitSegments} from '../text.js';
import type {PaneBox, Progress, Segment, StoriesState, Style} from '../types.js';

const MARK: TableColumn = {title: '', min: 1, weight: 0, max: 1};
const HEADLINE: TableColumn = {title: 'Headline', min: 10, weight: 1};
const SOURCES: TableColumn = {title: 'Srcs', min: 4, weight: 0, max: 4, align: 'right'};
const DATES: TableColumn = {title: 'Dates', min: 12, weight: 0, max: 17};

/** The Dates column only when some story is dated: undated plain files would leave it blank. */
function columnsFor(briefing: Briefing): TableColumn[] {
	return briefing.stories.some(s => s.firstPublished || s.lastPublished) ? [MARK, HEADLINE, SOURCES, DATES] : [MARK, HEADLINE, SOURCES];
}

/** What the pane says before there is a briefing: documents still arriving, then the grouping running (and where it stands). */
function waiting(progress: Progress, documents: number, step: string | undefined): string {
	if (!progress.finished) return `stories: reading… ${formatCount(progress.done)}/${formatCount(progress.total)}`;
	if (documents === 0) return 'No documents';
	return step ? `stories: ${step}` : `stories: grouping ${formatCount(documents)} documents…`;
}

export const StoriesPane = memo(function StoriesPane({
	briefing,
	note,
	step,
	analyses,
	stories,
	progress,
	box,
	focused,
}: {
	briefing?: Briefing;
	/** Why there are no stories when they were not grouped. */
	note?: string;
	/** Where the grouping stands, while it runs. */
	step?: string;
	analyses: DocumentAnalysis[];
	stories: StoriesState;
	progress: Progress;
	box: PaneBox;
	focused: boolean;
}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const title = paneTitle('stories');
	if (!briefing || note) {
		return (
			<Frame title={title} focused={focused} width={box.width} height={box.height}>
				<TextLine segments={fitSegments([{text: note ?? waiting(progress, analyses.length, step), styles: ['muted']}], width)} />
			</Frame>
		);
	}
	const story = stories.open === undefined ? undefined : briefing.stories.find(s => s.id === stories.open);
	if (story) {
		const detail = storyDetail(briefing, story, analyses, width);
		const {cursor, offset} = settleStoryWindow(detail, stories.detail, rows);
		const lines = detail.lines.slice(offset, offset + rows).map(line => {
			if (line.item !== cursor || line.item === undefined) return line.segments;
			const style: Style = focused ? 'selected' : 'title';
			return line.segments.map(segment => ({...segment, styles: [...(segment.styles ?? []), style]}));
		});
		const marker = storiesThatDiffer(briefing).has(story.id) ? '≠ ' : '';
		const heading: Segment[] = fitSegments([{text: marker, styles: ['warning']}, {text: inert(story.headline), styles: ['title']}], width);
		const info = detail.items.length > 0 ? `${cursor + 1}/${detail.items.length}` : '';
		return (
			<Frame title={`${title} · ${story.id} · Esc back`} info={info} focused={focused} width={box.width} height={box.height}>
				<TextLine segments={heading} />
				{lines.map((segments, i) => (
					<TextLine key={i} segments={segments} />
				))}
			</Frame>
		);
	}
	const all = briefing.stories;
	const differ = storiesThatDiffer(briefing);
	const {cursor, offset} = settleList(stories.list, all.length, rows);
	const cellsOf = (row: number) => {
		const s = all[row]!;
		return [
			differ.has(s.id) ? {text: '≠', style: 'warning' as const} : {text: ' '},
			{text: inert(s.headline || s.documents[0] || s.id)},
			{text: formatCount(s.sources)},
			{text: dateSpan(s.firstPublished, s.lastPublished)},
		];
	};
	const conflicts = all.filter(s => differ.has(s.id)).length;
	const position = all.length > 0 ? `${cursor + 1}/${all.length}` : '';
	const info = conflicts > 0 ? `${conflicts} ≠ · ${position}` : position;
	return (
		<Frame title={title} info={info} focused={focused} width={box.width} height={box.height}>
			<Table columns={columnsFor(briefing)} width={width} height={rows} rowCount={all.length} cellsOf={cellsOf} cursor={cursor} offset={offset} focused={focused} empty="No stories" />
		</Frame>
	);
});
