// Every query of the AI-systems module, one file per kind of record: products, uses, impact assessments, incidents,
// the public register, the rows coverage is computed from, and the people an act reaches. Unit names and paths are
// joined from the register (read only).
export * from './products.ts';
export * from './uses.ts';
export * from './assessments.ts';
export * from './incidents.ts';
export * from './published.ts';
export * from './coverage.ts';
export * from './people.ts';
