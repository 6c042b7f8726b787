import {memo} from 'react';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {Table, type TableColumn} from '../components/table.js';
import {contentSize, formatCount, settleList} from '../layout.js';
import type {ListPosition, PaneBox} from '../types.js';

const COLUMNS: TableColumn[] = [
	{title: 'Title', min: 8, weight: 1},
	{title: 'Words', min: 5, weight: 0, max: 7, align: 'right'},
	{title: 'Facts', min: 5, weight: 0, max: 5, align: 'right'},
];

export const DocumentsPane = memo(function DocumentsPane({analyses, list, open, box, focused}: {analyses: DocumentAnalysis[]; list: ListPosition; open?: number; box: PaneBox; focused: boolean}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const {cursor, offset} = settleList(list, analyses.length, rows);
	const cellsOf = (row: number) => {
		const {document, stats} = analyses[row]!;
		const title = inert(document.title || document.path);
		return [{text: `${row === open ? '▸' : ' '}${title}`}, {text: formatCount(stats.words)}, {text: formatCount(stats.facts)}];
	};
	const info = analyses.length > 0 ? `${cursor + 1}/${analyses.length}` : '';
	return (
		<Frame title="1 Documents" info={info} focused={focused} width={box.width} height={box.height}>
			<Table columns={COLUMNS} width={width} height={rows} rowCount={analyses.length} cellsOf={cellsOf} cursor={cursor} offset={offset} focused={focused} empty="Reading documents…" />
		</Frame>
	);
});
