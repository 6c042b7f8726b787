import {memo} from 'react';
import type {DocumentAnalysis} from '../../analysis/types.js';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {Table, type TableColumn} from '../components/table.js';
import {contentSize, paneTitle, settleList} from '../layout.js';
import type {FactsState, PaneBox} from '../types.js';
import {FACT_COLUMNS, factCells, factRows} from '../views.js';

const COLUMNS: TableColumn[] = [
	{title: 'Document', min: 6, weight: 2, max: 20},
	{title: 'Kind', min: 8, weight: 0, max: 8},
	{title: 'Text', min: 6, weight: 3, max: 24},
	{title: 'Value', min: 6, weight: 2, max: 16, align: 'right'},
	{title: 'Subject', min: 6, weight: 4},
];

export const FactsPane = memo(function FactsPane({analyses, facts, box, focused}: {analyses: DocumentAnalysis[]; facts: FactsState; box: PaneBox; focused: boolean}) {
	const {width, height} = contentSize(box);
	const rows = Math.max(1, height - 1);
	const shown = factRows(analyses, facts);
	const {cursor, offset} = settleList(facts.list, shown.length, rows);
	const cellsOf = (row: number) => {
		const cells = factCells(analyses, shown[row]!);
		return FACT_COLUMNS.map(column => ({text: inert(cells[column])}));
	};
	const filters = [facts.kind && `kind ${facts.kind}`, facts.entity && `naming ${inert(facts.entity.name)}`].filter(Boolean).join(' · ');
	const position = `${shown.length > 0 ? `${cursor + 1}/${shown.length}` : '0'}${!facts.sort.column && facts.sort.descending ? ' last found first' : ''}`;
	const info = filters ? `${filters} · ${position}` : position;
	const empty = filters ? 'No facts match (Esc clears the filter)' : 'No facts yet';
	return (
		<Frame title={paneTitle('facts')} info={info} focused={focused} width={box.width} height={box.height}>
			<Table
				columns={COLUMNS}
				width={width}
				height={rows}
				rowCount={shown.length}
				cellsOf={cellsOf}
				cursor={cursor}
				offset={offset}
				focused={focused}
				sort={facts.sort.column ? {column: FACT_COLUMNS.indexOf(facts.sort.column), descending: facts.sort.descending} : undefined}
				empty={empty}
			/>
		</Frame>
	);
});
