import {memo} from 'react';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {TextLine} from '../components/text-line.js';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {sourceName} from '../briefing.js';
import {contentSize, paneTitle, plural, settleList} from '../layout.js';
import {fit, fitSegments, truncate} from '../text.js';
import type {PaneBox, SearchState, Segment, Style} from '../types.js';
import {snippet} from './snippet.js';

export const SearchPane = memo(function SearchPane({search, analyses, box, focused}: {search: SearchState; analyses: DocumentAnalysis[]; box: PaneBox; focused: boolean}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 2);
	const {hits, query} = search;
	const {cursor, offset} = settleList(search.list, hits.length, rows);
	const queryLine: Segment[] =
		query === '' && !focused
			? fitSegments([{text: 'Press / to search every sentence', styles: ['muted']}], width)
			: fitSegments([{text: '/ ', styles: ['key']}, {text: inert(query)}, {text: focused ? '█' : ''}], width);
	let note: string;
	if (query.trim() === '') note = focused ? 'Type to search; Enter opens, Esc leaves' : '';
	else if (search.searching && search.answered !== query) note = 'searching…';
	else if (hits.length === 0) note = 'no match';
	else note = `${plural(hits.length, 'hit')}${search.searching ? ' so far…' : ''} · ↑↓ move · Enter opens`;
	const label = Math.min(18, Math.max(6, Math.floor(width / 4)));
	const lines = hits.slice(offset, offset + rows).map((hit, i) => {
		const row = offset + i;
		const style: Style | undefined = row === cursor ? (focused ? 'selected' : 'title') : undefined;
		const document: Segment = {text: `${fit(truncate(sourceName(analyses, hit.document), label), label)} `, styles: style ? [style, 'muted'] : ['muted']};
		const marks = hit.matches.map(m => ({...m, style: 'match' as const}));
		return [document, ...snippet(inert(hit.text), marks, width - label - 1, style)];
	});
	const info = hits.length > 0 ? `${cursor + 1}/${hits.length}` : '';
	return (
		<Frame title={paneTitle('search')} info={info} focused={focused} width={box.width} height={box.height}>
			<TextLine segments={queryLine} />
			<TextLine segments={[{text: fit(note, width), styles: ['muted']}]} />
			{lines.map((segments, i) => (
				<TextLine key={i} segments={segments} />
			))}
		</Frame>
	);
});
