import ts from 'typescript';
import type { ColumnShape, SchemaShape, TableShape } from './sql-shape';

/**
 * The shape `schema.ts` declares, read with the TypeScript compiler (types do not exist at run
 * time): every property of `Database` is a table, every property of its type a column.
 * `Generated<T>` (kysely's ColumnType whose insert type admits undefined) means "the database
 * fills it"; `| null` means nullable; a union of string literals gives the allowed values.
 */
export function readDeclaredShape(schemaFile: string, typeName = 'Database'): SchemaShape {
  const program = ts.createProgram([schemaFile], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(schemaFile);
  if (!source) throw new Error(`schema guard: cannot read ${schemaFile}`);
  const declaration = source.statements.find(
    (s): s is ts.TypeAliasDeclaration | ts.InterfaceDeclaration =>
      (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) && s.name.text === typeName,
  );
  if (!declaration) throw new Error(`schema guard: ${schemaFile} declares no ${typeName}`);
  const database = checker.getTypeAtLocation(declaration.name);
  const shape: SchemaShape = {};
  for (const table of checker.getPropertiesOfType(database)) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, declaration);
    const columns: TableShape = {};
    for (const column of checker.getPropertiesOfType(tableType)) {
      columns[column.name] = columnShape(checker, checker.getTypeOfSymbolAtLocation(column, declaration), declaration);
    }
    shape[table.name] = columns;
  }
  return shape;
}

function columnShape(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): ColumnShape {
  let select = type;
  let filled = false;
  const selectProperty = type.getProperty('__select__');
  const insertProperty = type.getProperty('__insert__');
  if (selectProperty && insertProperty) {
    select = checker.getTypeOfSymbolAtLocation(selectProperty, at);
    const insert = checker.getTypeOfSymbolAtLocation(insertProperty, at);
    filled = parts(insert).some((t) => (t.flags & ts.TypeFlags.Undefined) !== 0);
  }
  const members = parts(select);
  const nullable = members.some((t) => (t.flags & ts.TypeFlags.Null) !== 0);
  const values = members.filter((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) === 0);
  const literals = values.filter((t): t is ts.StringLiteralType => t.isStringLiteral()).map((t) => t.value);
  const kinds = new Set(values.map((t) => kindOf(t)));
  const kind = kinds.size === 1 ? ([...kinds][0] ?? 'other') : 'other';
  return {
    kind,
    nullable,
    filled,
    ...(literals.length > 0 && literals.length === values.length ? { allowed: literals.sort() } : {}),
  };
}

function parts(type: ts.Type): ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

function kindOf(type: ts.Type): ColumnShape['kind'] {
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.getSymbol()?.name === 'Buffer' || type.getSymbol()?.name === 'Uint8Array') return 'blob';
  return 'other';
}
