import {memo} from 'react';
import type {DocumentAnalysis} from '../../analysis/types.js';
import type {Document} from '../../corpus/types.js';
import {inert} from '../../output/inert.js';
import {Frame} from '../components/frame.js';
import {TextLine} from '../components/text-line.js';
import {contentSize, paneTitle} from '../layout.js';
import {fitSegments, markSegments, type Mark} from '../text.js';
import {ENTITY_STYLE} from '../theme.js';
import type {ArticleState, PaneBox, Segment} from '../types.js';
import {articleHeader, articleLines, lineAt} from '../views.js';

const inertTexts = new WeakMap<Document, string>();

/** The document's text made safe to draw; one character for one, so every offset still points at the same place. */
export function drawableText(document: Document): string {
	let text = inertTexts.get(document);
	if (text === undefined) inertTexts.set(document, (text = inert(document.text, {keepNewlines: true})));
	return text;
}

const baseMarks = new WeakMap<DocumentAnalysis, Mark[]>();

/** Marks that do not change while reading: dimmed boilerplate and repeats, the headline, entity mentions by type. */
function documentMarks(analysis: DocumentAnalysis): Mark[] {
	let marks = baseMarks.get(analysis);
	if (marks) return marks;
	const {document} = analysis;
	marks = [];
	for (const paragraph of document.paragraphs) {
		if (paragraph.boilerplate || paragraph.duplicateOf !== undefined) marks.push({start: paragraph.start, end: paragraph.end, style: 'dim'});
	}
	const headline = document.paragraphs.find(p => !p.boilerplate);
	if (headline && document.title && headline.text.startsWith(document.title.slice(0, 20))) {
		marks.push({start: headline.start, end: headline.start + headline.text.split('\n')[0]!.length, style: 'title'});
	}
	for (const entity of analysis.entities) for (const m of entity.mentions) marks.push({start: m.start, end: m.end, style: ENTITY_STYLE[entity.type]});
	baseMarks.set(analysis, marks);
	return marks;
}

function fileName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

export const ArticlePane = memo(function ArticlePane({analysis, article, box, focused}: {analysis?: DocumentAnalysis; article: ArticleState; box: PaneBox; focused: boolean}) {
	const {width, height: inner} = contentSize(box);
	if (!analysis) {
		return (
			<Frame title={paneTitle('article')} focused={focused} width={box.width} height={box.height}>
				<TextLine segments={fitSegments([{text: 'Waiting for the first document…', styles: ['muted']}], width)} />
			</Frame>
		);
	}
	const {document} = analysis;
	const header = articleHeader(document, width, inner);
	const height = Math.max(1, inner - header.length);
	const text = drawableText(document);
	const lines = articleLines(document, width);
	const maxTop = Math.max(0, lines.length - height);
	const top = Math.min(lineAt(lines, article.top), maxTop);
	const sentence = article.sentence === undefined ? undefined : document.sentences[article.sentence];
	// The highlight goes under the mentions, so names keep their colour inside a highlighted sentence.
	const marks = sentence ? [...documentMarks(analysis).filter(m => m.style === 'dim' || m.style === 'title'), {start: sentence.start, end: sentence.end, style: 'highlight' as const}, ...documentMarks(analysis).filter(m => m.style !== 'dim' && m.style !== 'title')] : documentMarks(analysis);
	const rows: Segment[][] = lines.slice(top, top + height).map(line => fitSegments(markSegments(text, line.start, line.end, marks), width));
	const percent = maxTop === 0 ? 100 : Math.round((top / maxTop) * 100);
	const info = `${top + 1}–${Math.min(lines.length, top + height)}/${lines.length} ${percent}%`;
	return (
		<Frame title={`${paneTitle('article')} · ${inert(fileName(document.path))}`} info={info} focused={focused} width={box.width} height={box.height}>
			{header.map((segments, i) => (
				<TextLine key={`h${i}`} segments={segments} />
			))}
			{rows.map((segments, i) => (
				<TextLine key={i} segments={segments} />
			))}
		</Frame>
	);
});
