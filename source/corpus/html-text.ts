import {Parser} from 'htmlparser2';

/** Elements that start and end a paragraph. Table cells only separate words; a row is a paragraph. */
const BLOCKS = new Set([
	'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
	'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
	'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'button']);

/** Separate words: cells, list-like inline elements, images (which stand between words). */
const WORD_BREAKS = new Set(['td', 'th', 'img', 'input']);

/**
 * An HTML fragment (a feed item's description, an exported article body) to paragraphs of text: block elements
 * separate paragraphs, and so do two `<br>` in a row (one `<br>` is a line break within a paragraph, shown as a
 * space). Entities are decoded, whitespace collapsed, scripts and styles dropped. Each paragraph is one line.
 */
export function htmlToParagraphs(html: string): string[] {
	const paragraphs: string[] = [];
	let current = '';
	let hiddenDepth = 0;
	/** `<br>`s since the last visible text. */
	let breaks = 0;

	const endParagraph = () => {
		const text = current.replace(/\s+/g, ' ').trim();
		if (text) paragraphs.push(text);
		current = '';
		breaks = 0;
	};

	const parser = new Parser(
		{
			onopentag(name) {
				if (HIDDEN.has(name)) hiddenDepth++;
				else if (BLOCKS.has(name)) endParagraph();
				else if (name === 'br') {
					breaks++;
					if (breaks >= 2) endParagraph();
					else current += ' ';
				} else if (WORD_BREAKS.has(name)) current += ' ';
			},
			onclosetag(name) {
				if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
				else if (BLOCKS.has(name)) endParagraph();
				else if (WORD_BREAKS.has(name)) current += ' ';
			},
			ontext(text) {
				if (hiddenDepth > 0) return;
				if (/\S/.test(text)) breaks = 0;
				current += text;
			},
		},
		{decodeEntities: true, lowerCaseTags: true},
	);
	parser.write(html);
	parser.end();
	endParagraph();
	return paragraphs;
}
