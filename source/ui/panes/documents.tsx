import {memo} from 'react';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {Table, type TableColumn} from '../components/table.js';
import {contentSize, formatCount, paneTitle, settleList} from '../layout.js';
import type {DocumentSort, DocumentsState, PaneBox} from '../types.js';
import {dayOf} from '../briefing.js';
import {documentOrder} from '../views.js';

const TITLE: TableColumn = {title: 'Title', min: 8, weight: 3};
const SOURCE: TableColumn = {title: 'Source', min: 6, weight: 1, max: 14};
const DATE: TableColumn = {title: 'Date', min: 10, weight: 0, max: 10};
const WORDS: TableColumn = {title: 'Words', min: 5, weight: 0, max: 6, align: 'right'};

const metadataShown = new WeakMap<DocumentAnalysis[], {source: boolean; date: boolean}>();

/** Source and Date columns show when some document has one (plain text files have neither), or when the table is sorted by them. */
function shownColumns(analyses: DocumentAnalysis[], sort: DocumentSort): {columns: TableColumn[]; source: boolean; date: boolean} {
	let shown = metadataShown.get(analyses);
	if (!shown) metadataShown.set(analyses, (shown = {source: analyses.some(a => a.document.source), date: analyses.some(a => dayOf(a.document.published))}));
	const source = shown.source || sort.column === 'source';
	const date = shown.date || sort.column === 'date';
	return {columns: [TITLE, ...(source ? [SOURCE] : []), ...(date ? [DATE] : []), WORDS], source, date};
}

export const DocumentsPane = memo(function DocumentsPane({analyses, documents, open, box, focused}: {analyses: DocumentAnalysis[]; documents: DocumentsState; open?: number; box: PaneBox; focused: boolean}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const {sort} = documents;
	const order = documentOrder(analyses, sort);
	const shown = shownColumns(analyses, sort);
	const sorted = {title: TITLE, source: SOURCE, date: DATE};
	const {cursor, offset} = settleList(documents.list, analyses.length, rows);
	const cellsOf = (row: number) => {
		const index = order[row]!;
		const {document, stats} = analyses[index]!;
		const title = inert(document.title || document.path);
		return [
			{text: `${index === open ? '▸' : ' '}${title}`},
			...(shown.source ? [{text: inert(document.source)}] : []),
			...(shown.date ? [{text: dayOf(document.published)}] : []),
			{text: formatCount(stats.words)},
		];
	};
	const position = analyses.length > 0 ? `${cursor + 1}/${analyses.length}` : '';
	const info = !sort.column && sort.descending ? `${position} last first` : position;
	return (
		<Frame title={paneTitle('documents')} info={info} focused={focused} width={box.width} height={box.height}>
			<Table
				columns={shown.columns}
				width={width}
				height={rows}
				rowCount={analyses.length}
				cellsOf={cellsOf}
				cursor={cursor}
				offset={offset}
				focused={focused}
				sort={sort.column ? {column: shown.columns.indexOf(sorted[sort.column]), descending: sort.descending} : undefined}
				empty="Reading documents…"
			/>
		</Frame>
	);
});
