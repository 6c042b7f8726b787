import {describe, expect, it} from 'vitest';
import {ProgressLine} from '../../source/output/progress.js';

function terminal() {
	const written: string[] = [];
	return {stream: {columns: 40, write: (chunk: string) => written.push(chunk) > 0} as unknown as NodeJS.WriteStream, written};
}

describe('ProgressLine', () => {
	it('stays silent for quick work', () => {
		const {stream, written} = terminal();
		let now = 0;
		const line = new ProgressLine(stream, {now: () => now});
		now = 300;
		line.update(5, 10);
		line.clear();
		expect(written).toEqual([]);
	});

	it('shows long work on one line, redrawn in place, no wider than the terminal, and erases it', () => {
		const {stream, written} = terminal();
		let now = 0;
		const line = new ProgressLine(stream, {now: () => now});
		now = 600;
		line.update(1234, 10000);
		now = 650;
		line.update(1300, 10000); // too soon to redraw
		now = 800;
		line.update(5000, 10000);
		line.clear();
		expect(written).toHaveLength(3);
		expect(written[0]).toBe('\r\x1b[2Kbriefing: analysing 1,234 of 10,000 fil');
		expect(written[1]).toContain('5,000 of');
		expect(written[2]).toBe('\r\x1b[2K');
		line.clear();
		expect(written).toHaveLength(3);
	});

	it('counts the documents of an input that holds many, so one large export shows it is moving', () => {
		const written: string[] = [];
		const stream = {columns: 100, write: (chunk: string) => written.push(chunk) > 0} as unknown as NodeJS.WriteStream;
		let now = 0;
		const line = new ProgressLine(stream, {now: () => now});
		now = 600;
		line.update(0, 1, 5300);
		expect(written[0]).toBe('\r\x1b[2Kbriefing: analysing 5,300 documents from 0 of 1 inputs (0%)');
	});

	it('shows the later steps of long work (a briefing) the same way', () => {
		const {stream, written} = terminal();
		let now = 0;
		const line = new ProgressLine({...stream, columns: 80} as unknown as NodeJS.WriteStream, {now: () => now});
		now = 600;
		line.step('building stories', 480, 2861, 'stories');
		now = 700;
		line.say('grouping 100,000 documents into stories');
		now = 750;
		line.step('building stories', 500, 2861, 'stories'); // too soon to redraw
		expect(written).toEqual(['\r\x1b[2Kbriefing: building stories: 480 of 2,861 stories (16%)', '\r\x1b[2Kbriefing: grouping 100,000 documents into stories']);
	});
});
