import {memo} from 'react';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {Table, type TableColumn} from '../components/table.js';
import {TextLine} from '../components/text-line.js';
import {contentSize, formatCount, paneTitle, plural, settleList} from '../layout.js';
import {fit, fitSegments, truncate} from '../text.js';
import {ENTITY_STYLE} from '../theme.js';
import type {EntitiesState, PaneBox, Segment, Style} from '../types.js';
import {entityMentions, entityRows} from '../views.js';
import {snippet} from './snippet.js';

const COLUMNS: TableColumn[] = [
	{title: 'Name', min: 8, weight: 6},
	{title: 'Type', min: 6, weight: 2, max: 12},
	{title: 'Mentions', min: 8, weight: 0, max: 8, align: 'right'},
	{title: 'Docs', min: 4, weight: 0, max: 4, align: 'right'},
];

function fileName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

export const EntitiesPane = memo(function EntitiesPane({analyses, entities, box, focused}: {analyses: DocumentAnalysis[]; entities: EntitiesState; box: PaneBox; focused: boolean}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const {mentionsOf} = entities;
	if (mentionsOf) {
		const mentions = entityMentions(analyses, mentionsOf);
		const {cursor, offset} = settleList(entities.mentions, mentions.length, rows);
		const label = Math.min(16, Math.max(6, Math.floor(width / 4)));
		const lines = mentions.slice(offset, offset + rows).map(({document, mention}, i) => {
			const row = offset + i;
			const style: Style | undefined = row === cursor ? (focused ? 'selected' : 'title') : undefined;
			const source = analyses[document]!.document;
			const sentence = source.sentences[mention.sentence];
			const text = inert(sentence?.text ?? mention.text);
			const start = sentence ? mention.start - sentence.start : 0;
			const marks = [{start, end: start + (mention.end - mention.start), style: 'match' as const}];
			const name: Segment = {text: `${fit(truncate(inert(fileName(source.path)), label), label)} `, styles: style ? [style, 'muted'] : ['muted']};
			return [name, ...snippet(text, marks, width - label - 1, style)];
		});
		const heading = `${inert(mentionsOf.name)} (${mentionsOf.type}): ${plural(mentions.length, 'mention')} · Enter opens · f facts · Esc back`;
		return (
			<Frame title={`${paneTitle('entities')} · mentions`} info={mentions.length > 0 ? `${cursor + 1}/${mentions.length}` : ''} focused={focused} width={box.width} height={box.height}>
				<TextLine segments={fitSegments([{text: heading, styles: ['header', ENTITY_STYLE[mentionsOf.type]]}], width)} />
				{lines.map((segments, i) => (
					<TextLine key={i} segments={segments} />
				))}
			</Frame>
		);
	}
	const all = entityRows(analyses);
	const {cursor, offset} = settleList(entities.list, all.length, rows);
	const cellsOf = (row: number) => {
		const entity = all[row]!;
		return [
			{text: inert(entity.name), style: ENTITY_STYLE[entity.type]},
			{text: entity.type},
			{text: formatCount(entity.mentions)},
			{text: formatCount(Object.keys(entity.documents).length)},
		];
	};
	return (
		<Frame title={paneTitle('entities')} info={all.length > 0 ? `${cursor + 1}/${all.length}` : ''} focused={focused} width={box.width} height={box.height}>
			<Table columns={COLUMNS} width={width} height={rows} rowCount={all.length} cellsOf={cellsOf} cursor={cursor} offset={offset} focused={focused} empty="No entities yet" />
		</Frame>
	);
});
