/** What decoding made of a file's bytes. */
export type Decoded = {text: string; warnings: string[]} | {binary: string};

/**
 * Bytes to text. A byte-order mark decides the encoding (UTF-8, UTF-16 LE/BE); without one the bytes are
 * UTF-8, and invalid sequences become U+FFFD with a warning rather than losing the file. NUL bytes in a file
 * with no UTF-16 mark mean it is not text at all.
 */
export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: []};
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: []};
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	if (body.includes(0)) return {binary: 'binary file (contains NUL bytes)'};
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(body), warnings: []};
	} catch {
		const text = new TextDecoder('utf-8').decode(body);
		const count = text.split('\ufffd').length - 1;
		return {text, warnings: [`invalid UTF-8: ${count} byte sequence${count === 1 ? '' : 's'} replaced with U+FFFD`]};
	}
}
