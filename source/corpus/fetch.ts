// Addresses on the command line: fetched with Node's own fetch, redirects followed by hand so that
// they can be counted, the body read in a stream so that --max-size holds, one clear reason per failure.

/** At most this many redirects are followed, as browsers and curl's --max-redirs default to more. */
export const MAX_REDIRECTS = 5;

/** Requests in flight at once: a few, so a list of links loads quickly without hammering one site. */
export const FETCH_CONCURRENCY = 4;

export const DEFAULT_TIMEOUT_SECONDS = 20;

export interface FetchOptions {
	timeoutMs: number;
	maxBytes: number;
	userAgent: string;
}

export interface Fetched {
	/** The address after redirects. */
	url: string;
	bytes: Uint8Array;
	/** The Content-Type header, which may name the charset. */
	contentType: string;
}

export function isAddress(argument: string): boolean {
	return /^https?:\/\//i.test(argument);
}

/** Why a request failed, in the words a person would use; undici hides the system error in `cause`. */
function failureReason(error: unknown, timeoutMs: number): string {
	const seen = new Set<unknown>();
	for (let current = error as {name?: string; code?: string; message?: string; cause?: unknown} | undefined; current && !seen.has(current); current = current.cause as typeof current) {
		seen.add(current);
		if (current.name === 'TimeoutError' || current.name === 'AbortError' || current.code === 'UND_ERR_CONNECT_TIMEOUT' || current.code === 'UND_ERR_HEADERS_TIMEOUT' || current.code === 'UND_ERR_BODY_TIMEOUT') {
			return `timed out after ${Math.round(timeoutMs / 100) / 10} s`;
		}
		if (current.code === 'ENOTFOUND' || current.code === 'EAI_AGAIN') return 'unknown host';
		if (current.code === 'ECONNREFUSED') return 'connection refused';
		if (current.code === 'ECONNRESET' || current.code === 'UND_ERR_SOCKET') return 'connection reset';
		if (current.code === 'EHOSTUNREACH' || current.code === 'ENETUNREACH') return 'host unreachable';
		if (current.code && /^ERR_TLS|CERT|SSL/.test(current.code)) return `TLS error (${current.code})`;
		if (current.message === 'bad port') return 'a port browsers refuse to fetch from';
		// Some of undici's connection errors carry the system error only in their message.
		const system = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b/.exec(current.message ?? '')?.[1];
		if (system && system !== current.code) return failureReason({code: system}, timeoutMs);
	}
	return (error as Error)?.message ?? String(error);
}

/** Fetch one address; a string is the reason it could not be read. */
export async function fetchAddress(address: string, options: FetchOptions): Promise<Fetched | string> {
	const signal = AbortSignal.timeout(options.timeoutMs);
	let url = address;
	try {
		for (let redirects = 0; ; redirects++) {
			const response = await fetch(url, {
				redirect: 'manual',
				signal,
				headers: {'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8'},
			});
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location) {
				await response.body?.cancel();
				if (redirects >= MAX_REDIRECTS) return `too many redirects (more than ${MAX_REDIRECTS})`;
				url = new URL(location, url).href;
				continue;
			}
			if (!response.ok) {
				await response.body?.cancel();
				return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
			}
			const declared = Number(response.headers.get('content-length'));
			const tooLarge = `larger than the ${Math.round(options.maxBytes / 1024 / 1024)} MB limit (raise it with --max-size)`;
			// A compressed body's Content-Length is the compressed size; the limit is on what is read.
			if (!response.headers.get('content-encoding') && declared > options.maxBytes) {
				await response.body?.cancel();
				return tooLarge;
			}
			const chunks: Uint8Array[] = [];
			let size = 0;
			if (response.body) {
				for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
					size += chunk.length;
					if (size > options.maxBytes) return tooLarge;
					chunks.push(chunk);
				}
			}
			return {url, bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type') ?? ''};
		}
	} catch (error) {
		return failureReason(error, options.timeoutMs);
	}
}
