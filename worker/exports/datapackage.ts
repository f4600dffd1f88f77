// datapackage.json, the machine-readable description of the bulk download (exports/bundle.ts):
// a Frictionless Data Package v1 (https://specs.frictionlessdata.io/data-package/) listing every
// file of the zip, each CSV as a Tabular Data Resource with its Table Schema (types, constraints,
// descriptions, primary and foreign keys: exports/tables.ts), the GeoJSON as a plain Data
// Resource, and the terms of reuse from the story's row: licence, sources and contributors.
import type { StoryMeta } from '../model'
import { sourceCitation } from '../shared/dataset'
import type { ExportContext } from './reader'
import type { CsvTable, TableField } from './tables'

/** A file of the zip as datapackage.json lists it: its path, its bytes and their SHA-256. */
export interface PackedFile {
  path: string
  bytes: number
  /** Lowercase hexadecimal SHA-256 of the file's bytes. */
  sha256: string
}

/** The GeoJSON file of the zip, described for datapackage.json. */
export const GEOJSON_RESOURCE = {
  name: 'places-geojson',
  file: 'places.geojson',
  title: 'Places (GeoJSON)',
  description:
    'Every place with known coordinates as an RFC 7946 Point ([longitude, latitude]), with the published events at each. Its top-level members license, creator, publisher and source carry the terms of reuse.',
} as const

/**
 * The Open Definition identifiers of licences editors are likely to choose, by URL, for the
 * `name` of a licence in datapackage.json (the spec asks for such an id; a licence not listed
 * here is given by its URL and title only).
 */
const OPEN_DEFINITION_IDS: Record<string, string> = {
  'https://creativecommons.org/licenses/by/4.0/': 'CC-BY-4.0',
  'https://creativecommons.org/licenses/by-sa/4.0/': 'CC-BY-SA-4.0',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0-1.0',
  'https://opendatacommons.org/licenses/odbl/1-0/': 'ODbL-1.0',
  'https://opendatacommons.org/licenses/by/1-0/': 'ODC-BY-1.0',
  'https://opendatacommons.org/licenses/pddl/1-0/': 'ODC-PDDL-1.0',
}

/** The story's licence as a Data Package licence: `path` (URL), `title`, and `name` when known. */
export function packageLicense(meta: StoryMeta): { name?: string; path: string; title: string } {
  const name = OPEN_DEFINITION_IDS[meta.license_url]
  return { ...(name ? { name } : {}), path: meta.license_url, title: meta.license_name }
}

/** A field as Table Schema writes it: `constraints` only when it has some. */
function schemaField(field: TableField): Record<string, unknown> {
  const { constraints, ...rest } = field
  const written = constraints
    ? Object.fromEntries(Object.entries(constraints).filter(([, v]) => v !== undefined))
    : {}
  return {
    ...rest,
    format: field.format ?? 'default',
    ...(Object.keys(written).length ? { constraints: written } : {}),
  }
}

/** A CSV table as a Tabular Data Resource: the file's place and size, its dialect and schema. */
function tableResource(table: CsvTable, file: PackedFile): Record<string, unknown> {
  return {
    profile: 'tabular-data-resource',
    name: table.name,
    path: file.path,
    title: table.title,
    description: table.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    dialect: {
      delimiter: ',',
      lineTerminator: '\r\n',
      quoteChar: '"',
      doubleQuote: true,
      header: true,
    },
    schema: {
      fields: table.fields.map(schemaField),
      // An empty cell is a missing value: no text field is ever an empty string by itself.
      missingValues: [''],
      primaryKey: table.primaryKey,
      ...(table.foreignKeys.length ? { foreignKeys: table.foreignKeys } : {}),
    },
  }
}

/**
 * datapackage.json for the zip holding `tables` (each at the PackedFile of the same name) and the
 * GeoJSON (`geojson`): the package's name, title and description, its licence, the source
 * article (`sources`), who compiled and who publishes it (`contributors`), its home page and the
 * moment of the data's newest change (`created`).
 */
export function dataPackage(
  source: ExportContext,
  tables: readonly { table: CsvTable; file: PackedFile }[],
  geojson: PackedFile,
): Record<string, unknown> {
  const meta = source.meta
  return {
    profile: 'data-package',
    name: 'year-in-review',
    id: `${source.origin}/api/v1/data.zip`,
    title: meta.title,
    description: `${meta.dek}\n\n${meta.credit}\n\nText cells that start with = + - or @ are written with a leading ' so spreadsheets do not run them as formulas (see README.md).`,
    homepage: `${source.origin}/`,
    created: source.modified,
    version: `1.0.${meta.data_version}`,
    keywords: source.categories.map((c) => c.label),
    licenses: [packageLicense(meta)],
    sources: [
      {
        title: sourceCitation(meta),
        ...(meta.source_url ? { path: meta.source_url } : {}),
      },
    ],
    contributors: [
      { title: meta.creator, role: 'author' },
      { title: meta.publisher, role: 'publisher', path: `${source.origin}/` },
    ],
    resources: [
      ...tables.map(({ table, file }) => tableResource(table, file)),
      {
        profile: 'data-resource',
        name: GEOJSON_RESOURCE.name,
        path: geojson.path,
        title: GEOJSON_RESOURCE.title,
        description: GEOJSON_RESOURCE.description,
        format: 'geojson',
        mediatype: 'application/geo+json',
        encoding: 'utf-8',
        bytes: geojson.bytes,
        hash: `sha256:${geojson.sha256}`,
      },
    ],
  }
}
