import {reduce} from './state.js';
import type {Action, DashboardState} from './types.js';

/** Holds the dashboard state outside React, so documents arriving and keys pressed go through one reducer. */
export class DashboardStore {
	#state: DashboardState;
	readonly #listeners = new Set<() => void>();

	constructor(state: DashboardState) {
		this.#state = state;
	}

	getState = (): DashboardState => this.#state;

	dispatch = (action: Action): void => {
		const next = reduce(this.#state, action);
		if (next === this.#state) return;
		this.#state = next;
		for (const listener of this.#listeners) listener();
	};

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};
}
