/**
 * Bytes of a web page or feed to text, choosing the encoding the way browsers do: a byte-order mark, then the
 * HTTP header's charset, then what the markup declares near its start (the XML declaration, `<meta charset>`,
 * `<meta http-equiv="content-type">`), else UTF-8, else windows-1252 when the bytes are not valid UTF-8.
 * A label TextDecoder does not know is passed over and the next rule decides.
 */

/** How far into the file a declaration is looked for: HTML asks for the first 1024 bytes; feeds sometimes put a long comment first. */
const PRESCAN_BYTES = 2048;

export function decodeMarkup(bytes: Uint8Array, headerContentType?: string): {text: string; charset: string} {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
	// "<?" in UTF-16 without a mark: only XML can start like this, and its declaration would be unreadable as ASCII.
	if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return decodeWith('utf-16le', bytes);
	if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return decodeWith('utf-16be', bytes);

	const fromHeader = headerContentType === undefined ? undefined : knownEncoding(charsetParameter(headerContentType));
	if (fromHeader) return decodeWith(fromHeader, bytes);

	const declared = knownEncoding(declaredCharset(bytes.subarray(0, PRESCAN_BYTES)));
	if (declared) return decodeWith(declared, bytes);

	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), charset: 'utf-8'};
	} catch {
		return decodeWith('windows-1252', bytes);
	}
}

function decodeWith(encoding: string, bytes: Uint8Array): {text: string; charset: string} {
	const decoder = new TextDecoder(encoding);
	if (decoder.encoding === 'windows-1252') return {text: decodeWindows1252(bytes), charset: 'windows-1252'};
	return {text: decoder.decode(bytes), charset: decoder.encoding};
}

/** What windows-1252 has at 0x80–0x9F where ISO-8859-1 has control characters (WHATWG Encoding Standard). */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/**
 * Node 20.18.3 and later decode windows-1252 (and so "iso-8859-1", which browsers read as windows-1252) as
 * ISO-8859-1, turning curly quotes and dashes into control characters (nodejs/node#60888): decoded here instead.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.toString('latin1')
		.replace(/[\x80-\x9f]/g, char => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** The encoding's canonical name if TextDecoder supports the label, else undefined. */
function knownEncoding(label: string | undefined): string | undefined {
	if (!label) return undefined;
	let encoding: string;
	try {
		encoding = new TextDecoder(label.trim()).encoding;
	} catch {
		return undefined;
	}
	// A page that says UTF-16 but whose declaration was readable as ASCII is not UTF-16 (the HTML rule).
	return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
}

function charsetParameter(contentType: string): string | undefined {
	return /(?:^|;)\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
}

/** The charset the markup declares in its first bytes, read as ASCII. */
function declaredCharset(head: Uint8Array): string | undefined {
	const text = new TextDecoder('latin1').decode(head);
	const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(text);
	if (xml) return xml[1];
	for (const tag of text.matchAll(/<meta\b[^>]*>/gi)) {
		const attributes = new Map<string, string>();
		for (const attribute of tag[0].slice(5).matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
			const name = attribute[1]!.toLowerCase();
			if (!attributes.has(name)) attributes.set(name, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
		}
		const charset = attributes.get('charset');
		if (charset) return charset;
		if (attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
			const fromContent = charsetParameter(attributes.get('content') ?? '');
			if (fromContent) return fromContent;
		}
	}
	return undefined;
}
