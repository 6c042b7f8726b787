import {describe, expect, it} from 'vitest';
import {decodeMarkup} from '../../source/corpus/charset.js';

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
	const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return bytes;
};
/** "Café – “quoted”" in windows-1252: é E9, en dash 96, curly quotes 93 94. */
const cafe1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);

describe('decodeMarkup', () => {
	it('reads bytes that are not valid UTF-8 and declare nothing as windows-1252, as browsers do', () => {
		const result = decodeMarkup(concat(ascii('<html><body><p>'), cafe1252, ascii('</p></body></html>')));
		expect(result.text).toBe('<html><body><p>Café – “q”</p></body></html>');
		expect(result.charset).toBe('windows-1252');
	});

	it('reads UTF-8 without a declaration as UTF-8', () => {
		const result = decodeMarkup(ascii('<rss><channel><title>Zürich – naïve</title></channel></rss>'));
		expect(result).toEqual({text: '<rss><channel><title>Zürich – naïve</title></channel></rss>', charset: 'utf-8'});
	});

	it('follows the XML declaration: iso-8859-1 bytes (read as windows-1252, its superset)', () => {
		const bytes = concat(ascii('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'), new Uint8Array([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e]), ascii('</title></rss>'));
		const result = decodeMarkup(bytes);
		expect(result.text).toContain('<title>München</title>');
		expect(result.charset).toBe('windows-1252');
	});

	it('follows <meta charset> and <meta http-equiv="content-type"> near the top of a page', () => {
		// "日本" in Shift_JIS is 93 FA 96 7B: not valid UTF-8, and not what windows-1252 would make of it.
		const japanese = new Uint8Array([0x93, 0xfa, 0x96, 0x7b]);
		const direct = decodeMarkup(concat(ascii('<html><head><meta charset="shift_jis"></head><body>'), japanese, ascii('</body></html>')));
		expect(direct.text).toContain('<body>日本</body>');
		expect(direct.charset).toBe('shift_jis');
		const httpEquiv = decodeMarkup(concat(ascii('<html><head><meta content="text/html; charset=Shift_JIS" http-equiv="Content-Type"></head><body>'), japanese));
		expect(httpEquiv.text).toContain('<body>日本');
	});

	it('lets the HTTP header override the declaration, and a byte-order mark override both', () => {
		const bytes = concat(ascii('<?xml version="1.0" encoding="utf-8"?><rss><title>'), cafe1252, ascii('</title></rss>'));
		expect(decodeMarkup(bytes, 'application/rss+xml; charset=windows-1252').text).toContain('<title>Café – “q”</title>');
		const withMark = concat(new Uint8Array([0xef, 0xbb, 0xbf]), ascii('<meta charset="windows-1252"><p>'), new Uint8Array([0xc3, 0xa9]));
		expect(decodeMarkup(withMark, 'text/html; charset=iso-8859-2')).toEqual({text: '<meta charset="windows-1252"><p>é', charset: 'utf-8'});
	});

	it('reads UTF-16 with a byte-order mark', () => {
		const text = '<feed>Ωμέγα</feed>';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
			bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
		}
		expect(decodeMarkup(bytes)).toEqual({text, charset: 'utf-16le'});
	});

	it('passes over a label it does not know and goes on down the chain', () => {
		const bytes = concat(ascii('<?xml version="1.0" encoding="x-made-up"?><rss>'), cafe1252, ascii('</rss>'));
		expect(decodeMarkup(bytes, 'text/xml; charset=nonsense').charset).toBe('windows-1252');
		expect(decodeMarkup(ascii('<?xml version="1.0" encoding="x-made-up"?><rss>é</rss>')).charset).toBe('utf-8');
	});
});
