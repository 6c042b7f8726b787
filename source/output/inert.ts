/**
 * Text from documents must never reach a terminal as control sequences. Escape sequences (CSI, OSC,
 * DCS…), C0 and C1 control characters and bidirectional overrides are replaced by visible, inert
 * placeholders: ESC becomes "␛", other C0 controls their Control Pictures (U+2400…), C1 controls and
 * bidi controls "�". Tabs become a space; line breaks are kept only where the caller allows them.
 * Every replacement is one UTF-16 unit for one, so offsets into the text (mentions, matches) still hold.
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

export function inert(text: string, {keepNewlines = false} = {}): string {
	let out = '';
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (ch === '\n' && keepNewlines) out += ch;
		else if (ch === '\t') out += ' ';
		else if (code === 0x1b) out += '␛';
		else if (code < 0x20) out += String.fromCodePoint(0x2400 + code);
		else if (code === 0x7f) out += '␡';
		else if (code >= 0x80 && code < 0xa0) out += '�';
		else out += ch;
	}
	return out.replace(BIDI, '�');
}

/** Does the text hold anything a terminal would act on? */
export function hasControlCharacters(text: string): boolean {
	return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u.test(text) || new RegExp(BIDI.source, 'u').test(text);
}
