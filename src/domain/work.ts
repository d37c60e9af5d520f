// A step counter for the text checks. Tests read it to prove that the checks' work grows linearly with the text
// (counting steps, not seconds, so the proof holds on a busy machine). Incrementing a number is all it costs.

export interface WorkCounter {
  steps: number;
}

/** Steps taken by the instrumented loops of the checks since the last reset. */
export const work: WorkCounter = { steps: 0 };

export function resetWork(): void {
  work.steps = 0;
}
