// The quality score, 0–100. Four measures, each a share between 0 and 1:
//   completeness  C = 1 − empty cells ÷ all cells (rows × columns)
//   validity      V = 1 − invalid cells ÷ non-empty cells, where a cell is invalid when it is not of the declared
//                     type or breaks a declared constraint (or, with no schema, is not of the column's inferred type);
//                     each declared column missing from the file counts as a column of invalid cells
//   uniqueness    U = 1 − duplicate rows ÷ rows
//   encoding      E = 1 − cells with an encoding problem ÷ non-empty cells, less 0.2 when the file is not UTF-8
// score = round(100 × (0.35 C + 0.35 V + 0.15 U + 0.15 E)); a table without rows scores 0.
// Completeness and validity weigh most because they decide whether the data can be used at all; duplicates and
// encoding can be repaired mechanically. Personal data is not a quality defect and does not lower the score: it is
// reported on its own and decides publication (issue 12, item 3).

export interface ScoreInput {
  rows: number;
  columns: number;
  missingCells: number;
  nonEmptyCells: number;
  invalidCells: number;
  missingDeclaredColumns: number;
  duplicateRows: number;
  encodingProblemCells: number;
  notUtf8: boolean;
}

export interface ScoreParts {
  completeness: number;
  validity: number;
  uniqueness: number;
  encoding: number;
  score: number;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

export function qualityScore(s: ScoreInput): ScoreParts {
  if (s.rows === 0 || s.columns === 0) return { completeness: 0, validity: 0, uniqueness: 0, encoding: 0, score: 0 };
  const cells = s.rows * s.columns;
  const completeness = clamp(1 - s.missingCells / cells);
  const checked = s.nonEmptyCells + s.missingDeclaredColumns * s.rows;
  const invalid = s.invalidCells + s.missingDeclaredColumns * s.rows;
  const validity = checked === 0 ? 1 : clamp(1 - invalid / checked);
  const uniqueness = clamp(1 - s.duplicateRows / s.rows);
  const encoding = clamp(
    1 - (s.nonEmptyCells === 0 ? 0 : s.encodingProblemCells / s.nonEmptyCells) - (s.notUtf8 ? 0.2 : 0),
  );
  const score = Math.round(100 * (0.35 * completeness + 0.35 * validity + 0.15 * uniqueness + 0.15 * encoding));
  return { completeness, validity, uniqueness, encoding, score };
}
