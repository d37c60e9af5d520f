// The module shape of issue 14, as a check `npm run lint` runs after Biome (README, "Architecture"):
// - SQL only in stores: no Kysely query-builder call and no `sql` import outside `store.ts` / `store/` files, in
//   src/modules, src/http, src/cli*.ts, src/bootstrap.ts and src/demo.ts (src/db is the database layer itself);
// - every folder of src/modules has an index.ts (its entry);
// - no file in src/ or web/src over 500 lines, no function in src/ over 80 lines.
// Exits 1 with one line per finding (path:line what), so an editor can jump to each.
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 80;
const BUILDER_CALLS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'selectNoFrom',
]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const isStore = (rel: string) => /(^|\/)store\.ts$/.test(rel) || /(^|\/)store\//.test(rel);
const sqlMustStayInStores = (rel: string) =>
  !isStore(rel) && (/^src\/(modules|http)\//.test(rel) || /^src\/(cli[^/]*|bootstrap|demo)\.ts$/.test(rel));

const findings: string[] = [];
const at = (rel: string, sf: ts.SourceFile, node: ts.Node) =>
  `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;

for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'web/src'))]) {
  const rel = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_FILE_LINES) findings.push(`${rel}:1 file has ${lines} lines (at most ${MAX_FILE_LINES})`);
  const inSrc = rel.startsWith('src/');
  const checkSql = sqlMustStayInStores(rel);
  if (!inSrc) continue;
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > MAX_FUNCTION_LINES) {
        const name =
          (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name
            ? node.name.getText(sf)
            : 'function';
        findings.push(`${at(rel, sf, node)} ${name} has ${last - first + 1} lines (at most ${MAX_FUNCTION_LINES})`);
      }
    }
    if (checkSql) {
      if (ts.isImportDeclaration(node) && (node.moduleSpecifier as ts.StringLiteral).text === 'kysely') {
        const named = node.importClause?.namedBindings;
        if (
          named &&
          ts.isNamedImports(named) &&
          named.elements.some((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === 'sql') &&
          !node.importClause?.isTypeOnly
        ) {
          findings.push(`${at(rel, sf, node)} imports kysely's sql outside a store`);
        }
      }
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        BUILDER_CALLS.has(node.expression.name.text)
      ) {
        findings.push(`${at(rel, sf, node)} query builder call .${node.expression.name.text}() outside a store`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

const modulesDir = join(root, 'src/modules');
for (const name of readdirSync(modulesDir)) {
  const dir = join(modulesDir, name);
  if (statSync(dir).isDirectory() && !existsSync(join(dir, 'index.ts')))
    findings.push(`src/modules/${name}:1 module folder without index.ts`);
}

if (findings.length > 0) {
  console.error(
    `Hình dạng mô-đun: ${findings.length} chỗ chưa đúng (SQL chỉ ở store, tệp ≤ ${MAX_FILE_LINES} dòng, hàm ≤ ${MAX_FUNCTION_LINES} dòng):`,
  );
  for (const f of findings) console.error(`  ${f}`);
  process.exit(1);
}
console.log('Hình dạng mô-đun: đạt.');
