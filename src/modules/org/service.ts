// Use cases on the organisation tree, one per file in use-cases/. Each checks permission through the one rule and
// writes with its audit record.
export { toView, type UnitView } from './use-cases/unit-view.ts';
export { getUnitDetail, listRoots, searchUnits } from './use-cases/read-units.ts';
export { createChildUnit } from './use-cases/create-child-unit.ts';
export { renameUnit } from './use-cases/rename-unit.ts';
export { mergeUnit } from './use-cases/merge-unit.ts';
export { retireUnit } from './use-cases/retire-unit.ts';
export { reloadReferenceData } from './use-cases/reload-reference-data.ts';
export { getDocumentSettings, updateDocumentSettings } from './use-cases/document-settings.ts';
export { importUnitsParsed, importUnitsUpload } from './use-cases/import-units.ts';
