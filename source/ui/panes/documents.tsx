import {memo} from 'react';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {Table, type TableColumn} from '../components/table.js';
import {contentSize, formatCount, paneTitle, settleList} from '../layout.js';
import type {DocumentColumn, DocumentsState, PaneBox} from '../types.js';
import {dayOf} from '../briefing.js';
import {documentOrder} from '../views.js';

const COLUMNS: TableColumn[] = [
	{title: 'Title', min: 8, weight: 3},
	{title: 'Source', min: 6, weight: 1, max: 14},
	{title: 'Date', min: 10, weight: 0, max: 10},
	{title: 'Words', min: 5, weight: 0, max: 6, align: 'right'},
];

/** Which table column each sort column is. */
const SORTED: Record<DocumentColumn, number> = {title: 0, source: 1, date: 2};

export const DocumentsPane = memo(function DocumentsPane({analyses, documents, open, box, focused}: {analyses: DocumentAnalysis[]; documents: DocumentsState; open?: number; box: PaneBox; focused: boolean}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const order = documentOrder(analyses, documents.sort);
	const {cursor, offset} = settleList(documents.list, analyses.length, rows);
	const cellsOf = (row: number) => {
		const index = order[row]!;
		const {document, stats} = analyses[index]!;
		const title = inert(document.title || document.path);
		return [{text: `${index === open ? '▸' : ' '}${title}`}, {text: inert(document.source)}, {text: dayOf(document.published)}, {text: formatCount(stats.words)}];
	};
	const {sort} = documents;
	const position = analyses.length > 0 ? `${cursor + 1}/${analyses.length}` : '';
	const info = !sort.column && sort.descending ? `${position} last first` : position;
	return (
		<Frame title={paneTitle('documents')} info={info} focused={focused} width={box.width} height={box.height}>
			<Table
				columns={COLUMNS}
				width={width}
				height={rows}
				rowCount={analyses.length}
				cellsOf={cellsOf}
				cursor={cursor}
				offset={offset}
				focused={focused}
				sort={sort.column ? {column: SORTED[sort.column], descending: sort.descending} : undefined}
				empty="Reading documents…"
			/>
		</Frame>
	);
});
