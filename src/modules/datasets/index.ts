// The datasets module: the provincial AI database (task 4 of the province plan): a catalogue of datasets owned by
// units, their files with quality and personal-data reports, publishing rules, access requests and the access log,
// the public catalogue (JSON, DCAT, CSV), and delivery of published entries to the national database (sync).
export { module } from './module.ts';
export * from './use-cases/index.ts';
export { datasetSectors, sectorName } from './sectors.ts';
export { seedDatasetsDemo } from './demo.ts';
