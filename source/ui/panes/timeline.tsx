import {memo} from 'react';
import type {Briefing} from '../../analysis/stories/types.js';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {countBar, readableDate, sourceName, timelineRows} from '../briefing.js';
import {Frame} from '../components/frame.js';
import {TextLine} from '../components/text-line.js';
import {contentSize, paneTitle, settleList} from '../layout.js';
import {fit, fitSegments, truncate} from '../text.js';
import type {ListPosition, PaneBox, Segment, Style} from '../types.js';
import {snippet} from './snippet.js';

const DATE_WIDTH = 11;
const BAR_WIDTH = 6;

/**
 * Every date the documents state, in calendar order: the date, on its first row a bar of how many
 * documents state it, the document's source, and the sentence with the date as written picked out.
 */
export const TimelinePane = memo(function TimelinePane({
	briefing,
	note,
	analyses,
	list,
	box,
	focused,
}: {
	briefing?: Briefing;
	/** Why there is no timeline when the stories were not grouped. */
	note?: string;
	analyses: DocumentAnalysis[];
	list: ListPosition;
	box: PaneBox;
	focused: boolean;
}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const title = paneTitle('timeline');
	if (!briefing || note) {
		return (
			<Frame title={title} focused={focused} width={box.width} height={box.height}>
				<TextLine segments={fitSegments([{text: note ?? 'The timeline comes with the stories', styles: ['muted']}], width)} />
			</Frame>
		);
	}
	const all = timelineRows(briefing, analyses);
	const {cursor, offset} = settleList(list, all.length, rows);
	const max = all.reduce((most, r) => Math.max(most, r.dayCount ?? 0), 0);
	const countWidth = BAR_WIDTH + 1 + String(max).length;
	const source = Math.min(16, Math.max(6, Math.floor(width / 6)));
	const header: Segment[] = fitSegments([{text: `${fit('Date', DATE_WIDTH)} ${fit('Docs', countWidth)} ${fit('Source', source)} Sentence`, styles: ['header']}], width);
	const lines = all.slice(offset, offset + rows).map((row, i) => {
		const at = offset + i;
		const style: Style | undefined = at === cursor ? (focused ? 'selected' : 'title') : undefined;
		const styledAs = (styles: Style[]): Style[] => (style ? [...styles, style] : styles);
		const firstOfDay = row.dayCount !== undefined;
		const sentence = analyses[row.document]?.document.sentences[row.entry.sentence];
		const text = inert(sentence?.text ?? row.entry.text);
		const found = text.indexOf(inert(row.entry.text));
		const marks = found >= 0 && row.entry.text ? [{start: found, end: found + row.entry.text.length, style: 'match' as const}] : [];
		const left: Segment[] = [
			{text: `${fit(firstOfDay ? readableDate(row.entry.date) : '', DATE_WIDTH)} `, styles: styledAs(['header'])},
			{text: `${fit(firstOfDay ? countBar(row.dayCount!, max, BAR_WIDTH) : '', countWidth)} `, styles: styledAs(['bar'])},
			{text: `${fit(truncate(sourceName(analyses, row.entry.document), source), source)} `, styles: styledAs(['muted'])},
		];
		const used = DATE_WIDTH + countWidth + source + 3;
		return [...left, ...(width - used > 4 ? snippet(text, marks, width - used, style) : [])];
	});
	const days = all.filter(r => r.dayCount !== undefined).length;
	const info = all.length > 0 ? `${days} dates · ${cursor + 1}/${all.length}` : '';
	return (
		<Frame title={title} info={info} focused={focused} width={box.width} height={box.height}>
			<TextLine segments={header} />
			{all.length === 0 ? <TextLine segments={fitSegments([{text: 'No dated events', styles: ['muted']}], width)} /> : null}
			{lines.map((segments, i) => (
				<TextLine key={i} segments={fitSegments(segments, width)} />
			))}
		</Frame>
	);
});
